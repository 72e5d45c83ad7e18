import { describe, expect, it } from 'vitest';
import { anchorHorizons, createConformal, start, advance } from '../models/forecast/conformal.js';
import { CalibrationBins } from '../models/prediction/calibration.js';
import { binnedBrier, naiveScale, oneStepError } from './backtest-quality.js';

describe('backtest quality at training time', () => {
  it('takes the one-step error around the median from the conformal window', () => {
    const state = createConformal(anchorHorizons([1, 4]), 50);
    start(state, [0, 0, 0]);
    // Forecasts are always 0, so each error is the value itself: 1, 2, 3, 4, 5.
    for (const value of [1, 2, 3, 4, 5]) advance(state, value, [0, 0, 0]);
    // Median 3: |−2| + |−1| + 0 + 1 + 2 over 5.
    expect(oneStepError(state)).toBeCloseTo(6 / 5);
    expect(oneStepError(createConformal([1], 10))).toBeNull();
  });

  it('scales by the seasonal-naive error of the history (lag 1 without a season)', () => {
    const seasonal = [1, 5, 1, 5, 2, 6, 2, 6];
    expect(naiveScale(seasonal, 2)).toBeCloseTo(2 / 6);
    expect(naiveScale(seasonal, null)).toBeCloseTo((4 + 4 + 4 + 3 + 4 + 4 + 4) / 7);
    // A season as long as the history falls back to lag 1.
    expect(naiveScale([1, 2, 4], 3)).toBeCloseTo(1.5);
    expect(naiveScale([3], null)).toBeNaN();
  });

  it('scores calibrated breach probabilities: perfect outcomes score near 0, reversed near 1', () => {
    expect(binnedBrier(new CalibrationBins(1), 0)).toBeNull();
    // Horizon 1 of two: horizon 0 stays empty.
    const sharp = new CalibrationBins(2);
    for (let i = 0; i < 500; i += 1) {
      sharp.add(1, 0.001, false);
      sharp.add(1, 0.99, true);
    }
    expect(binnedBrier(sharp, 1)).toBeLessThan(0.01);
    expect(binnedBrier(sharp, 0)).toBeNull();
    const reversed = new CalibrationBins(1);
    for (let i = 0; i < 500; i += 1) {
      reversed.add(0, 0.001, true);
      reversed.add(0, 0.99, false);
    }
    // Isotonic calibration cannot turn the order round: the best it does is the base rate.
    expect(binnedBrier(reversed, 0)).toBeGreaterThan(0.2);
  });
});
