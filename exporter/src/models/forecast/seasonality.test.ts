import { describe, expect, it } from 'vitest';
import { seededGaussian } from '../anomaly/synthetic-series.js';
import { referenceValues } from './reference-series.test-support.js';
import { autocorrelation, calendarPeriods, detectPeriod, SEASONALITY_DEFAULTS } from './seasonality.js';

describe('autocorrelation', () => {
  it('matches the direct sum at every lag', () => {
    const values = referenceValues({ period: 12, slope: 0, amplitude: 3, noise: 1, seed: 3 }, 200);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const c = (lag: number): number =>
      values.slice(lag).reduce((sum, v, i) => sum + (v - mean) * ((values[i] as number) - mean), 0);
    const r = autocorrelation(values, 30);
    for (const lag of [0, 1, 6, 12, 29]) expect(r[lag]).toBeCloseTo(c(lag) / c(0), 10);
  });

  it('is zero for a constant series rather than NaN', () => {
    expect(autocorrelation(new Array(50).fill(7), 5)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('detectPeriod', () => {
  it('finds a daily period of 288 five-minute steps under noise and trend', () => {
    const values = referenceValues({ period: 288, slope: 0.002, amplitude: 10, noise: 3, seed: 1 }, 288 * 5);
    const period = detectPeriod(values, { ...SEASONALITY_DEFAULTS, calendar: calendarPeriods(300_000) });
    expect(period).toBe(288);
    // Without the calendar the broad peak of a sine is only known to about 1%.
    expect(Math.abs((detectPeriod(values) as number) - 288)).toBeLessThanOrEqual(3);
  });

  it('knows an hour, a day and a week in five-minute and hourly steps', () => {
    expect(calendarPeriods(300_000)).toEqual([12, 288, 2016]);
    expect(calendarPeriods(3_600_000)).toEqual([24, 168]);
  });

  it('finds a short period exactly rather than a multiple of it', () => {
    const values = referenceValues({ period: 24, slope: 0, amplitude: 5, noise: 1, seed: 2 }, 24 * 20);
    expect(detectPeriod(values)).toBe(24);
  });

  it('says none for white noise', () => {
    const gaussian = seededGaussian(9);
    expect(detectPeriod(Array.from({ length: 2000 }, gaussian))).toBeNull();
  });

  it('says none when fewer than three cycles fit', () => {
    const values = referenceValues({ period: 288, slope: 0, amplitude: 10, noise: 0.5, seed: 4 }, 288 * 2);
    expect(detectPeriod(values)).toBeNull();
  });
});
