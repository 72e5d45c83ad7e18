import { describe, expect, it } from 'vitest';
import type { ForecastPath } from '../../models/forecast/forecaster.js';
import { AccuracyTally, naiveScale } from './accuracy.js';

const PATH: ForecastPath = {
  point: [10, 20],
  intervals: [
    { level: 0.8, lower: [9, 18], upper: [11, 22] },
    { level: 0.95, lower: [8, 16], upper: [12, 24] },
  ],
  warming: false,
};

describe('AccuracyTally', () => {
  it('scores absolute error, sMAPE, coverage per level and the interval score of the widest band', () => {
    const tally = new AccuracyTally();
    tally.add(PATH, 1, 10.5); // inside both bands
    tally.add(PATH, 2, 30); // above both: MSIS penalty (2/0.05)·(30 − 24)
    const result = tally.result([0.8, 0.95]);
    expect(result.count).toBe(2);
    expect(result.mae).toBeCloseTo((0.5 + 10) / 2, 12);
    expect(result.smape).toBeCloseTo((200 * 0.5) / 20.5 / 2 + (200 * 10) / 50 / 2, 12);
    expect(result.coverage.get(0.8)).toBe(0.5);
    expect(result.coverage.get(0.95)).toBe(0.5);
    expect(result.interval).toBeCloseTo((4 + 8 + 40 * 6) / 2, 12);
  });

  it('counts sMAPE as 0 when actual and forecast are both 0', () => {
    const tally = new AccuracyTally();
    tally.add({ point: [0], intervals: [], warming: false }, 1, 0);
    expect(tally.result([]).smape).toBe(0);
  });
});

describe('naiveScale', () => {
  it('is the mean absolute seasonal difference, and 0 for a flat or perfectly periodic series', () => {
    expect(naiveScale([1, 2, 4, 7], 1)).toBe(2);
    expect(naiveScale([1, 5, 1, 5, 1, 5], 2)).toBe(0);
  });
});
