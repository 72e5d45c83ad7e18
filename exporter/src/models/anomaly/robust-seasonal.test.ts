import { describe, expect, it } from 'vitest';
import type { SeriesWindow } from '../../store/store.js';
import type { AnomalyResult } from '../types.js';
import { createRobustSeasonalDetector } from './robust-seasonal.js';
import { gridWindow, seededGaussian, seededUniform } from './synthetic-series.js';

const detector = createRobustSeasonalDetector();
const MINUTE = 60_000;
const noSeason = { seasonMs: null };

function withNewest(history: readonly number[], newest: number, stepMs = MINUTE): SeriesWindow {
  return gridWindow([...history, newest], stepMs);
}

function gaussianHistory(length: number, seed = 1, mean = 10): number[] {
  const gaussian = seededGaussian(seed);
  return Array.from({ length }, () => mean + gaussian());
}

function expectFinite(result: AnomalyResult): void {
  for (const value of [result.score, ...Object.values(result.expected)])
    expect(Number.isFinite(value)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
}

describe('robust seasonal detector: spikes and dips', () => {
  const history = gaussianHistory(300);

  it('scores a +8σ spike ≥ 0.999 as a spike, with the band around the baseline', () => {
    const result = detector.score(withNewest(history, 18), noSeason)!;
    expect(result.score).toBeGreaterThanOrEqual(0.999);
    expect(result).toMatchObject({ kind: 'spike', warming: false });
    expect(result.explanation).toMatch(/^rolling baseline of 60 points, robust z [5-9]\.\d$/);
    const { point, lower_80, upper_80, lower_95, upper_95 } = result.expected;
    expect(point).toBeCloseTo(10, 0);
    expect(lower_95).toBeLessThan(lower_80);
    expect(upper_80).toBeLessThan(upper_95);
    expect(upper_95 - point).toBeGreaterThan(1.4);
    expect(upper_95 - point).toBeLessThan(3);
  });

  it('scores a −8σ dip ≥ 0.999 as a dip', () => {
    const result = detector.score(withNewest(history, 2), noSeason)!;
    expect(result.score).toBeGreaterThanOrEqual(0.999);
    expect(result.kind).toBe('dip');
    expect(result.explanation).toMatch(/robust z -\d\.\d$/);
  });

  it('scores an ordinary point low', () => {
    expect(detector.score(withNewest(history, 10.3), noSeason)!.score).toBeLessThan(0.8);
  });

  it('does not let spikes inside the baseline mask the next spike or widen the band', () => {
    // Four +8σ spikes inside the 60-point baseline (under 2% of the 240 calibration residuals).
    const spiky = history.map((v, i) => ([250, 265, 280, 290].includes(i) ? v + 8 : v));
    const clean = detector.score(withNewest(history, 18), noSeason)!;
    const result = detector.score(withNewest(spiky, 18), noSeason)!;
    expect(result.score).toBeGreaterThanOrEqual(0.999);
    const width = (r: AnomalyResult): number => r.expected.upper_95 - r.expected.lower_95;
    expect(width(result) / width(clean)).toBeLessThan(1.25);
  });
});

describe('robust seasonal detector: flat series', () => {
  const zeros = new Array<number>(120).fill(0);

  it('gives finite, zero scores to an all-zero series', () => {
    const result = detector.score(withNewest(zeros, 0), noSeason)!;
    expectFinite(result);
    expect(result.score).toBe(0);
    expect(result.expected.point).toBe(0);
  });

  it('treats a float-noise blip as nothing and a real error ratio as a spike, finitely', () => {
    const blip = detector.score(withNewest(zeros, 1e-12), noSeason)!;
    expectFinite(blip);
    expect(blip.score).toBeLessThan(0.5);
    const errors = detector.score(withNewest(zeros, 0.01), noSeason)!;
    expectFinite(errors);
    expect(errors.score).toBeGreaterThanOrEqual(0.999);
    expect(errors.kind).toBe('spike');
  });

  it('ignores changes below 0.1% of the level on a flat non-zero series', () => {
    const flat = new Array<number>(120).fill(45);
    expect(detector.score(withNewest(flat, 45.01), noSeason)!.score).toBeLessThan(0.5);
    expect(detector.score(withNewest(flat, 46), noSeason)!.score).toBeGreaterThanOrEqual(0.999);
  });

  it('does not alarm on a value a sparse series takes regularly', () => {
    const uniform = seededUniform(3);
    const sparse = Array.from({ length: 300 }, () => (uniform() < 0.15 ? 1 : 0));
    const result = detector.score(withNewest(sparse, 1), noSeason)!;
    expectFinite(result);
    expect(result.score).toBeLessThan(0.95);
  });
});

describe('robust seasonal detector: seasons', () => {
  const season = 96;
  const stepMs = 15 * MINUTE;
  const seasonMs = season * stepMs;
  const gaussian = seededGaussian(11);
  // A daily shape with a sharp peak at phase 40..42, plus noise and a slow upward drift.
  const values = Array.from({ length: season * 6 + 41 }, (_, i) => {
    const phase = i % season;
    const peak = phase >= 40 && phase <= 42 ? 25 : 0;
    return 50 + 5 * Math.sin((2 * Math.PI * phase) / season) + peak + 0.01 * i + gaussian();
  });
  const atPeak = gridWindow(values, stepMs);

  it('uses the seasonal baseline when enough seasons exist, so the daily peak does not alarm', () => {
    const result = detector.score(atPeak, { seasonMs })!;
    expect(result.explanation).toMatch(/^seasonal baseline \(same phase in 3 past seasons of 1d\), robust z/);
    expect(result.score).toBeLessThan(0.99);
    expect(result.expected.point).toBeCloseTo(values[values.length - 1] as number, -1);
  });

  it('alarms on the same peak with a rolling baseline', () => {
    const result = detector.score(atPeak, noSeason)!;
    expect(result.explanation).toMatch(/^rolling baseline of 60 points/);
    expect(result.score).toBeGreaterThanOrEqual(0.99);
    expect(result.kind).toBe('spike');
  });

  it('still flags a spike at an ordinary phase against the seasonal baseline', () => {
    const spiked = [...values.slice(0, -11), (values[values.length - 11] as number) + 10];
    const result = detector.score(gridWindow(spiked, stepMs), { seasonMs })!;
    expect(result.explanation).toMatch(/^seasonal baseline/);
    expect(result.score).toBeGreaterThanOrEqual(0.999);
  });

  it('falls back to the rolling baseline, and says why, before minSeasons seasons exist', () => {
    const result = detector.score(gridWindow(values.slice(0, season + 50), stepMs), { seasonMs })!;
    expect(result.explanation).toMatch(/^rolling baseline of 60 points, not enough past seasons yet/);
  });

  it('works on timestamps: jittered, gappy sampling still finds the same phase', () => {
    const uniform = seededUniform(5);
    const kept = values.map((value, i) => ({ t: i * stepMs + (uniform() - 0.5) * 0.4 * stepMs, value }));
    // Drop 15% of the points (never the newest) and the exact same-phase point of last season.
    const lastSeason = values.length - 1 - season;
    const thinned = kept.filter((_, i) => i === values.length - 1 || (i !== lastSeason && uniform() > 0.15));
    const window: SeriesWindow = {
      signal: 's',
      service: 'svc',
      timestampsMs: thinned.map((p) => p.t),
      values: thinned.map((p) => p.value),
    };
    const result = detector.score(window, { seasonMs })!;
    expect(result.explanation).toMatch(/^seasonal baseline \(same phase in 2 past seasons/);
    expect(result.score).toBeLessThan(0.99);
    const spiked = {
      ...window,
      values: [...window.values.slice(0, -1), (window.values.at(-1) as number) + 12],
    };
    expect(detector.score(spiked, { seasonMs })!.score).toBeGreaterThanOrEqual(0.999);
  });
});

describe('robust seasonal detector: warm-up and edges', () => {
  it('returns null for an empty window or a non-finite newest value', () => {
    expect(detector.score(gridWindow([], MINUTE), noSeason)).toBeNull();
    expect(detector.score(withNewest([1, 2, 3], Number.NaN), noSeason)).toBeNull();
  });

  it('scores 0 with nothing to compare with', () => {
    for (const history of [[], [5], [5, 6]]) {
      const result = detector.score(withNewest(history, 100), noSeason)!;
      expect(result).toMatchObject({ warming: true, score: 0 });
      expectFinite(result);
    }
  });

  it('flags warm-up below minPoints but still gives a best-effort score and band', () => {
    const history = gaussianHistory(10);
    const result = detector.score(withNewest(history, 10.5), noSeason)!;
    expect(result.warming).toBe(true);
    expect(result.explanation).toMatch(
      /^warming up \(10\/20 points, 0\/50 calibration residuals\): rolling baseline of 10 points/,
    );
    expectFinite(result);
    expect(result.expected.lower_95).toBeLessThan(result.expected.point);
    expect(detector.score(withNewest(history, 40), noSeason)!.score).toBeGreaterThan(0.99);
  });

  it('stops warming once it has minPoints and 50 calibration residuals (the empirical tail)', () => {
    // Calibration residuals start once the baseline holds minPoints (20) points.
    expect(detector.score(withNewest(gaussianHistory(69), 10), noSeason)!.warming).toBe(true);
    expect(detector.score(withNewest(gaussianHistory(70), 10), noSeason)!.warming).toBe(false);
  });

  it('skips non-finite history values', () => {
    const history = gaussianHistory(100).map((v, i) => (i % 10 === 0 ? Number.NaN : v));
    const result = detector.score(withNewest(history, 18), noSeason)!;
    expectFinite(result);
    expect(result.score).toBeGreaterThanOrEqual(0.999);
  });
});
