/**
 * A fitted forecast's quality, measured out of sample at training time from what the fit
 * already did: the forecaster's held-out walk left its one-step errors in the conformal
 * window, and the breach backtest left resolved outcomes in the calibration bins. Nothing
 * is refitted or walked again, so recording quality costs a few hundred operations a fit.
 */
import type { ConformalState } from '../models/forecast/conformal.js';
import { BINS, calibrate, type CalibrationBins } from '../models/prediction/calibration.js';
import type { BreachWalk } from '../models/prediction/breach-walk.js';
import { BREACH_DEFAULTS } from '../models/prediction/breach-predictor.js';

export interface FitQuality {
  /**
   * Mean absolute one-step error around the errors' median (the published point moves by
   * that median, so this is the error of the point operators see); null without errors.
   */
  oneStepError: number | null;
  /** oneStepError over the in-sample mean absolute seasonal-naive error (not finite for a flat history). */
  mase: number | null;
  /** Brier score of the calibrated breach probabilities at the shortest horizon. */
  brier: number | null;
}

/** Errors at the one-step anchor (anchors always start at 1). */
export function oneStepError(calibration: ConformalState): number | null {
  const sorted = calibration.errors.sorted(0);
  if (sorted.length === 0) return null;
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  let sum = 0;
  for (const error of sorted) sum += Math.abs(error - median);
  return sum / sorted.length;
}

/** Mean |y[t] − y[t − period]| over the history (lag 1 without a season): MASE's scale. */
export function naiveScale(history: readonly number[], period: number | null): number {
  const lag = period !== null && period >= 1 && period < history.length ? period : 1;
  let sum = 0;
  for (let t = lag; t < history.length; t += 1)
    sum += Math.abs((history[t] as number) - (history[t - lag] as number));
  return history.length > lag ? sum / (history.length - lag) : Number.NaN;
}

/**
 * Brier score of the published (calibrated) probabilities over the resolved outcomes. Bins
 * hold counts, not single outcomes, so each outcome is scored with its bin's calibrated
 * probability at the bin's mean raw probability — what was published for it, to within a bin.
 */
export function binnedBrier(
  bins: CalibrationBins,
  h: number,
  prior: number = BREACH_DEFAULTS.prior,
): number | null {
  let total = 0;
  let squared = 0;
  for (let b = 0; b < BINS; b += 1) {
    const n = bins.count(h, b);
    if (n === 0) continue;
    const p = calibrate(bins, h, bins.rawSum(h, b) / n, prior);
    const hits = bins.hits(h, b);
    squared += hits * (1 - p) ** 2 + (n - hits) * p ** 2;
    total += n;
  }
  return total === 0 ? null : squared / total;
}

export function fitQuality(walk: BreachWalk, history: readonly number[]): FitQuality {
  const error = oneStepError(walk.forecast.calibration);
  const scale = naiveScale(history, walk.forecast.period);
  return {
    oneStepError: error,
    mase: error === null ? null : error / scale,
    brier: binnedBrier(walk.breach.calibration, 0),
  };
}
