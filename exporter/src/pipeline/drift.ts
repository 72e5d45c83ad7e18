/**
 * Drift: a fitted forecast's live out-of-sample quality, scored on every step that closes
 * against the band that was published for it, and the rule that calls it degraded — its
 * recent one-step error over the error measured at training time by more than a configured
 * factor, once enough steps have been scored. A degraded forecast is refitted before its
 * staggered schedule, on the history that now includes the change.
 */
import type { ExpectedBand } from '../models/types.js';

export interface LiveQuality {
  /** Steps scored since the fit. */
  steps: number;
  /** Sum of absolute one-step errors since the fit. */
  errorSum: number;
  /** Exponentially weighted sums behind the recent error (bias-corrected by the weight). */
  recentSum: number;
  recentWeight: number;
  /** Steps whose value fell inside the 80% / 95% band published for it. */
  inside80: number;
  inside95: number;
}

export interface DriftSettings {
  /** Recent error over training error beyond which the forecast has drifted. */
  factor: number;
  /** Steps scored before drift is judged; also the span of the recent error's average. */
  minSteps: number;
}

export function newLiveQuality(): LiveQuality {
  return { steps: 0, errorSum: 0, recentSum: 0, recentWeight: 0, inside80: 0, inside95: 0 };
}

/** Scores one closed step's value against the band published for it; edits `quality`. */
export function scoreStep(quality: LiveQuality, value: number, band: ExpectedBand, span: number): void {
  const error = Math.abs(value - band.point);
  if (!Number.isFinite(error)) return;
  const alpha = 2 / (span + 1);
  quality.steps += 1;
  quality.errorSum += error;
  quality.recentSum = (1 - alpha) * quality.recentSum + alpha * error;
  quality.recentWeight = (1 - alpha) * quality.recentWeight + alpha;
  if (value >= band.lower_80 && value <= band.upper_80) quality.inside80 += 1;
  if (value >= band.lower_95 && value <= band.upper_95) quality.inside95 += 1;
}

export function recentError(quality: LiveQuality): number | null {
  return quality.recentWeight > 0 ? quality.recentSum / quality.recentWeight : null;
}

/** Share of scored steps inside each band; null before any step is scored. */
export function coverage(quality: LiveQuality): { level80: number | null; level95: number | null } {
  if (quality.steps === 0) return { level80: null, level95: null };
  return { level80: quality.inside80 / quality.steps, level95: quality.inside95 / quality.steps };
}

/**
 * Why the forecast has drifted, in words, or null while it holds. A training error of 0 (a
 * flat history) drifts on any recent error: the series has stopped being flat.
 */
export function driftReason(
  quality: LiveQuality,
  trainingError: number | null,
  settings: DriftSettings,
): string | null {
  if (trainingError === null || quality.steps < settings.minSteps || !(settings.factor > 0)) return null;
  const recent = recentError(quality);
  if (recent === null || !(recent > settings.factor * trainingError)) return null;
  const ratio = trainingError > 0 ? `${(recent / trainingError).toFixed(1)}×` : 'above zero, unlike';
  return `recent one-step error ${recent.toPrecision(3)} is ${ratio} the error at training (${trainingError.toPrecision(3)}; drift factor ${settings.factor})`;
}
