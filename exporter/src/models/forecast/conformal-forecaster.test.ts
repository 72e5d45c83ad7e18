import { describe, expect, it } from 'vitest';
import { seededGaussian } from '../anomaly/synthetic-series.js';
import { conformalForecaster } from './conformal-forecaster.js';
import { advance, anchorHorizons, createConformal, errorQuantiles, start } from './conformal.js';
import type { ForecasterState } from './forecaster.js';
import { referenceValues } from './reference-series.test-support.js';
import { seasonalNaive } from './seasonal-naive.js';
import { theta } from './theta.js';

describe('anchorHorizons', () => {
  it('holds step 1, every horizon asked for, and the powers of two between not near one', () => {
    expect(anchorHorizons([3])).toEqual([1, 2, 3]);
    // 16 is within 1.5 times 12; 32 is 1.5 times below 48, so it stays.
    expect(anchorHorizons([1, 12, 48])).toEqual([1, 2, 4, 8, 12, 32, 48]);
    // The defaults at 5-minute steps (15m, 1h, 6h, 24h): 4, 16, 64 and 256 go.
    expect(anchorHorizons([3, 12, 72, 288])).toEqual([1, 2, 3, 8, 12, 32, 72, 128, 288]);
    expect(anchorHorizons([12, 3])).toEqual([1, 2, 3, 8, 12]);
  });
});

describe('conformal error quantiles', () => {
  it('keep a value that equals its error inside the band, though errors are kept to Float32', () => {
    // fround(0.7) is below 0.7: read as kept, the upper bound would leave 0.7 out.
    const state = createConformal([1], 50);
    start(state, [0]);
    for (let t = 0; t < 40; t += 1) advance(state, 0.7, [0]);
    const [[low, high]] = errorQuantiles(state, 1, [0.1, 0.9]) as [[number, number]];
    expect(high).toBeGreaterThanOrEqual(0.7);
    expect(low).toBeLessThanOrEqual(0.7);
    expect(high - low).toBeLessThan(1e-6);
  });
});

describe('conformal intervals', () => {
  it('cover 80% and 95% of future values of a random walk with Gaussian steps', () => {
    const gaussian = seededGaussian(5);
    let level = 0;
    const values = Array.from({ length: 4000 }, () => (level += gaussian()));
    const forecaster = conformalForecaster(seasonalNaive, { window: 1000 });
    let state = forecaster.fit(values.slice(0, 1500), { horizons: [1, 10], period: null });
    const inside = { 0.8: 0, 0.95: 0 };
    let n = 0;
    for (let t = 1500; t + 10 < values.length; t += 1) {
      const path = forecaster.forecast(state, 10);
      for (const band of path.intervals) {
        const v = values[t + 9] as number;
        if (v >= (band.lower[9] as number) && v <= (band.upper[9] as number))
          inside[band.level as 0.8 | 0.95] += 1;
      }
      n += 1;
      state = forecaster.update(state, values[t] as number);
    }
    expect(inside[0.8] / n).toBeGreaterThan(0.75);
    expect(inside[0.8] / n).toBeLessThan(0.85);
    expect(inside[0.95] / n).toBeGreaterThan(0.92);
    expect(inside[0.95] / n).toBeLessThan(0.98);
  });

  it('widen like √h for a random walk: the 10-step band is about √10 times the 1-step band', () => {
    const gaussian = seededGaussian(6);
    let level = 0;
    const values = Array.from({ length: 3000 }, () => (level += gaussian()));
    const forecaster = conformalForecaster(seasonalNaive, { window: 1000 });
    const path = forecaster.forecast(forecaster.fit(values, { horizons: [1, 10], period: null }), 10);
    const band = path.intervals[1] as { lower: number[]; upper: number[] };
    const width = (h: number): number => (band.upper[h - 1] as number) - (band.lower[h - 1] as number);
    expect(width(10) / width(1)).toBeGreaterThan(Math.sqrt(10) * 0.8);
    expect(width(10) / width(1)).toBeLessThan(Math.sqrt(10) * 1.25);
    // 1.96·2 for unit Gaussian steps.
    expect(width(1)).toBeGreaterThan(3.4);
    expect(width(1)).toBeLessThan(4.5);
  });

  it('warm while too few errors are known, and detect the season themselves', () => {
    const values = referenceValues({ period: 24, slope: 0, amplitude: 5, noise: 1, seed: 2 }, 24 * 12);
    const forecaster = conformalForecaster(theta, { minErrors: 200 });
    const state = forecaster.fit(values, { horizons: [1] });
    expect(state.period).toBe(24);
    expect(forecaster.forecast(state, 1).warming).toBe(true);
    expect(conformalForecaster(theta, { minErrors: 20 }).forecast(state, 1).warming).toBe(false);
  });

  it('give P(value > x) that falls as x rises, and near 0 and 1 far from the forecast', () => {
    const values = referenceValues({ period: 24, slope: 0, amplitude: 5, noise: 1, seed: 8 }, 24 * 12);
    const forecaster = conformalForecaster(theta);
    const state: ForecasterState = forecaster.fit(values, { horizons: [4] });
    const point = forecaster.forecast(state, 4).point[3] as number;
    const [low, mid, high] = [point - 10, point, point + 10].map(
      (x) => forecaster.exceedanceAt(state, [4], x)[0] as number,
    );
    expect(low).toBeGreaterThan(0.98);
    expect(mid).toBeGreaterThan(0.3);
    expect(mid).toBeLessThan(0.7);
    expect(high).toBeLessThan(0.02);
  });

  it('reject bad parameters once, naming the key', () => {
    expect(() => conformalForecaster(theta, { levels: [0.8, 1.2] })).toThrow(/theta: levels must be/);
    expect(() => conformalForecaster(theta, { windw: 3 } as never)).toThrow(/unknown parameter "windw"/);
    expect(() => conformalForecaster(theta).fit([1, 2, 3], { horizons: [1] })).toThrow(/at least 20 points/);
  });
});
