import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { fitTail, tailProbability, type RankCounts, type TailFit } from './tail-test.js';

const PARAMS = { fraction: 0.01, minExtremes: 5, minHistory: 20 };

function summarise(history: number[]): { fit: TailFit; counts: (x: number) => RankCounts } {
  const sorted = Float64Array.from(history).sort();
  const fit = fitTail({ kth: (k) => sorted[k] as number }, sorted.length, PARAMS) as TailFit;
  const counts = (x: number): RankCounts => ({
    n: history.length,
    greater: history.filter((v) => v > x).length,
    equal: history.filter((v) => v === x).length,
    less: history.filter((v) => v < x).length,
  });
  return { fit, counts };
}

describe('tail test', () => {
  it('says nothing before minHistory points', () => {
    expect(fitTail({ kth: () => 0 }, 10, PARAMS)).toBeNull();
  });

  it('gives the conformal rank in the body: the median scores p ≈ 1', () => {
    const history = Array.from({ length: 999 }, (_, i) => i);
    const { fit, counts } = summarise(history);
    const { p } = tailProbability(499, counts(499), fit);
    expect(p).toBeCloseTo(1, 2);
  });

  it('ranks a far new extreme as more surprising than one that barely tops the maximum', () => {
    const history = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10);
    const { fit, counts } = summarise(history);
    const barely = tailProbability(10.01, counts(10.01), fit);
    const far = tailProbability(40, counts(40), fit);
    expect(barely.side).toBe('upper');
    expect(far.p).toBeLessThan(barely.p / 100);
    // Just past the maximum of 1000 points: the anchor, 2·(k+1)/(n+1) ≈ 0.022.
    expect(barely.p).toBeLessThan(0.025);
  });

  it('is calibrated on exchangeable noise: about 1% of new points have p ≤ 0.01', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 60_000 }, () => -Math.log(random()) - Math.log(random()));
    let hits = 0;
    let trials = 0;
    for (let start = 0; start + 1001 <= draws.length; start += 1001) {
      const history = draws.slice(start, start + 1000);
      const { fit, counts } = summarise(history);
      const x = draws[start + 1000] as number;
      if (tailProbability(x, counts(x), fit).p <= 0.01) hits += 1;
      trials += 1;
    }
    // 59 trials are few; the real check is calibration.test.ts on whole series.
    expect(hits / trials).toBeLessThan(0.06);
  });

  it('names the lower tail for a dip', () => {
    const history = Array.from({ length: 200 }, (_, i) => 100 + (i % 7));
    const { fit, counts } = summarise(history);
    const dip = tailProbability(50, counts(50), fit);
    expect(dip.side).toBe('lower');
    expect(dip.p).toBeLessThan(1e-6);
  });

  it('floors the scale on a flat history, so a small step is surprising but finite', () => {
    const history = Array.from({ length: 100 }, () => 5);
    const { fit, counts } = summarise(history);
    expect(fit.upper.beta).toBeCloseTo(5e-3, 9);
    const small = tailProbability(5.01, counts(5.01), fit);
    const large = tailProbability(5.1, counts(5.1), fit);
    expect(small.p).toBeGreaterThan(0.01);
    expect(large.p).toBeGreaterThan(0);
    expect(large.p).toBeLessThan(1e-6);
  });
});
