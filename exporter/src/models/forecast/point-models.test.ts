import { describe, expect, it } from 'vitest';
import { ets } from './ets.js';
import type { PointModel } from './forecaster.js';
import { medianCombination } from './median-combination.js';
import { referenceTruth, referenceValues, type ReferenceSeries } from './reference-series.test-support.js';
import { seasonalNaive } from './seasonal-naive.js';
import { theta } from './theta.js';

const SEASONAL_TREND: ReferenceSeries = { period: 24, slope: 0.05, amplitude: 10, noise: 0.5, seed: 11 };

/** Mean absolute error against the noise-free truth over steps 1..steps after `length` points. */
function errorAgainstTruth(
  model: PointModel<unknown>,
  spec: ReferenceSeries,
  length: number,
  steps: number,
): number {
  const state = model.fit(referenceValues(spec, length), spec.period);
  const path = model.predict(state, steps);
  return path.reduce((sum, f, i) => sum + Math.abs(f - referenceTruth(spec, length + i)), 0) / steps;
}

describe('seasonal naive', () => {
  it('repeats the last season, and the last value without one', () => {
    const state = seasonalNaive.fit([1, 2, 3, 4, 5, 6], 3);
    expect(seasonalNaive.predict(state, 5)).toEqual([4, 5, 6, 4, 5]);
    expect(seasonalNaive.predict(seasonalNaive.fit([1, 2, 9], null), 2)).toEqual([9, 9]);
  });

  it('moves the season forward one observation at a time', () => {
    let state = seasonalNaive.fit([1, 2, 3], 3);
    state = seasonalNaive.update(state, 10);
    expect(seasonalNaive.predict(state, 3)).toEqual([2, 3, 10]);
    state = seasonalNaive.update(state, 11);
    expect(seasonalNaive.predict(state, 4)).toEqual([3, 10, 11, 3]);
    expect(seasonalNaive.predictAt(state, [4, 2])).toEqual([3, 10]);
  });
});

describe('theta', () => {
  it('extrapolates a pure line at half its slope plus the smoothing lag correction', () => {
    const line = Array.from({ length: 100 }, (_, t) => 2 * t);
    const state = theta.fit(line, null);
    // SES on a line settles at (last − slope·(1−α)/α); with α = 1 it is the last value,
    // and half the slope is added per step: 198 + 1·h.
    expect(state.alpha).toBe(1);
    expect(theta.predict(state, 3)).toEqual([199, 200, 201]);
  });

  it('recovers a known season and trend within the noise', () => {
    expect(errorAgainstTruth(theta as PointModel<unknown>, SEASONAL_TREND, 24 * 10, 48)).toBeLessThan(1.5);
  });
});

describe('ets (damped Holt-Winters)', () => {
  it('recovers a known season and trend within the noise', () => {
    expect(errorAgainstTruth(ets as PointModel<unknown>, SEASONAL_TREND, 24 * 10, 48)).toBeLessThan(1.5);
  });

  it('forecasts a constant series as that constant', () => {
    const state = ets.fit(new Array(60).fill(5), null);
    for (const f of ets.predict(state, 10)) expect(f).toBeCloseTo(5, 9);
  });
});

describe('median combination', () => {
  it('is the member median at each step', () => {
    const state = medianCombination.fit(referenceValues(SEASONAL_TREND, 240), 24);
    const members = [seasonalNaive, theta, ets].map((m, i) => m.predict(state.members[i] as never, 5));
    const path = medianCombination.predict(state, 5);
    path.forEach((f, h) => {
      const sorted = members.map((p) => p[h] as number).sort((a, b) => a - b);
      expect(f).toBe(sorted[1]);
    });
  });

  it('beats seasonal naive against the truth on a noisy seasonal series with trend', () => {
    const spec = { ...SEASONAL_TREND, noise: 3 };
    const combined = errorAgainstTruth(medianCombination as PointModel<unknown>, spec, 240, 24);
    const naive = errorAgainstTruth(seasonalNaive as PointModel<unknown>, spec, 240, 24);
    expect(combined).toBeLessThan(naive * 0.7);
  });

  it('has a state that survives JSON', () => {
    const state = medianCombination.fit(referenceValues(SEASONAL_TREND, 240), 24);
    const revived = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(medianCombination.predict(revived, 10)).toEqual(medianCombination.predict(state, 10));
  });
});
