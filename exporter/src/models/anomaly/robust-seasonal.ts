/**
 * Robust, seasonality-aware anomaly detector. Pure: it scores the newest point of a window
 * against the points before it, with no I/O, clock or state.
 *
 * 1. Baseline: the same-phase median of past seasons plus the recent level offset when the
 *    window holds enough seasons (see residuals.ts), else the median of the last `window`
 *    points.
 * 2. Scale: MAD × 1.4826 of the same residuals (the larger of the window's and of its last
 *    quarter's, so a noisier phase of the day is picked up within a few points), floored by
 *    max(relativeScaleFloor·|expected|, ½·mean |step|, absoluteScaleFloor): the relative floor
 *    says a change of 0.1% of the level is not news on a flat series, the step floor gives
 *    sparse or quantised series (mostly equal values, MAD 0) the scale they actually move
 *    by, and the absolute floor keeps an all-zero series finite. Deviations are also judged
 *    against a Gaussian prior in floor units, so a blip below a few floors never alarms.
 *    The median and MAD ignore up to half the window, so past spikes do not inflate them.
 * 3. Score: 1 − the two-sided tail probability of the robust z under the series' own recent
 *    one-step residuals (tail.ts), so 1% of anomaly-free points score ≥ 0.99.
 *
 * For a calibrated score the window should hold `window + calibrationPoints` recent points
 * (and, for the seasonal baseline, the same span around each past season's phase); with
 * fewer, the tail falls back to a Student-t and the seasonal baseline to the rolling one.
 */
import type { SeriesWindow } from '../../store/store.js';
import type { AnomalyDetector, AnomalyResult, DetectionContext, ExpectedBand } from '../types.js';
import { resolveRobustSeasonalParams, type RobustSeasonalParams } from './robust-seasonal-params.js';
import { rollingResiduals, seasonalResiduals, type ResidualSeries } from './residuals.js';
import { RobustWindow } from './robust-window.js';
import {
  empiricalTail,
  gaussianTwoSidedQuantile,
  gaussianTwoSidedTail,
  MIN_EMPIRICAL_RESIDUALS,
  studentTail,
} from './tail.js';

export const ROBUST_SEASONAL = 'robust_seasonal';

const MAD_TO_SIGMA = 1.4826;
const STEP_FLOOR_FRACTION = 0.5;
const SHORT_WINDOW_FRACTION = 0.25;
/** Fewer earlier points than this: nothing to compare with, score 0. */
const MIN_COMPARABLE = 3;

interface Prediction {
  center: number;
  scale: number;
  floor: number;
}

function predict(windows: Windows, reference: number, params: RobustSeasonalParams): Prediction {
  const center = windows.long.median();
  // The short window's own spread reacts within a few points when the noise grows (e.g. a
  // busier phase of the day); taking the larger keeps the scale from lagging behind it.
  const spread = MAD_TO_SIGMA * Math.max(windows.long.mad(center), windows.short.mad(windows.short.median()));
  const floor = Math.max(
    params.relativeScaleFloor * Math.abs(reference + center),
    STEP_FLOOR_FRACTION * windows.long.meanAbsStep(),
    params.absoluteScaleFloor,
  );
  return { center, scale: Math.max(spread, floor), floor };
}

interface Windows {
  long: RobustWindow;
  short: RobustWindow;
}

interface Fit {
  prediction: Prediction | null;
  /** Earlier residuals in the baseline. */
  count: number;
  /** One-step |z| of recent earlier points, each against the window before it. */
  calibration: number[];
}

function fitResiduals(series: ResidualSeries, params: RobustSeasonalParams): Fit {
  const { residuals, references } = series;
  const last = residuals.length - 1;
  const windows: Windows = {
    long: new RobustWindow(params.window),
    short: new RobustWindow(Math.max(5, Math.round(params.window * SHORT_WINDOW_FRACTION))),
  };
  const calibration: number[] = [];
  const calibrationFrom = last - params.calibrationPoints;
  for (let j = 0; j < last; j += 1) {
    if (j >= calibrationFrom && windows.long.count >= params.minPoints) {
      const p = predict(windows, references[j] as number, params);
      calibration.push(Math.abs((residuals[j] as number) - p.center) / p.scale);
    }
    windows.long.push(residuals[j] as number);
    windows.short.push(residuals[j] as number);
  }
  const count = windows.long.count;
  const prediction = count > 0 ? predict(windows, references[last] as number, params) : null;
  return { prediction, count, calibration };
}

function band(point: number, halfWidth: (coverage: number) => number): ExpectedBand {
  const w80 = halfWidth(0.8);
  const w95 = halfWidth(0.95);
  return {
    point,
    lower_80: point - w80,
    upper_80: point + w80,
    lower_95: point - w95,
    upper_95: point + w95,
  };
}

function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

function describe(series: ResidualSeries, count: number, z: number, seasonMs: number | null): string {
  const robustZ = `robust z ${z.toFixed(1)}`;
  if (series.seasons !== null && seasonMs !== null) {
    return `seasonal baseline (same phase in ${series.seasons} past seasons of ${formatDuration(seasonMs)}), ${robustZ}`;
  }
  const why = seasonMs !== null ? ', not enough past seasons yet' : '';
  return `rolling baseline of ${count} points${why}, ${robustZ}`;
}

/**
 * Alarms wait for the baseline and for the empirical tail: a Student-t on a short,
 * quantised history over-alarms, and Decision 5's calibration is the series' own residuals.
 */
function isWarming(series: ResidualSeries, fit: Fit, params: RobustSeasonalParams): boolean {
  return series.residuals.length - 1 < params.minPoints || fit.calibration.length < MIN_EMPIRICAL_RESIDUALS;
}

function scoreNewest(
  window: SeriesWindow,
  context: DetectionContext,
  params: RobustSeasonalParams,
): AnomalyResult | null {
  const { timestampsMs, values } = window;
  const last = Math.min(timestampsMs.length, values.length) - 1;
  if (last < 0) return null;
  const value = values[last] as number;
  if (!Number.isFinite(value)) return null;

  const range = { from: Math.max(0, last - params.window - params.calibrationPoints), last };
  const seasonMs = context.seasonMs !== null && context.seasonMs > 0 ? context.seasonMs : null;
  const series =
    (seasonMs !== null && last >= params.minPoints
      ? seasonalResiduals(timestampsMs, values, seasonMs, range, params)
      : null) ?? rollingResiduals(values, range.from, last);
  const fit = fitResiduals(series, params);
  const warming = isWarming(series, fit, params);
  const reference = series.references[series.references.length - 1] as number;

  if (fit.prediction === null || fit.count < MIN_COMPARABLE) {
    const point = reference + (fit.prediction?.center ?? value - reference);
    const explanation = `warming up: ${fit.count} earlier points, nothing to compare with yet`;
    return { warming: true, score: 0, expected: band(point, () => 0), kind: 'spike', explanation };
  }

  const { center, scale, floor } = fit.prediction;
  const residual = (series.residuals[series.residuals.length - 1] as number) - center;
  const z = residual / scale;
  const tail =
    fit.calibration.length >= MIN_EMPIRICAL_RESIDUALS
      ? empiricalTail(fit.calibration.sort((a, b) => a - b))
      : studentTail(fit.count);
  const p = Math.max(tail.pValue(Math.abs(z)), gaussianTwoSidedTail(residual / floor));
  const halfWidth = (coverage: number): number =>
    Math.max(tail.quantile(coverage) * scale, gaussianTwoSidedQuantile(coverage) * floor);
  const explanation = describe(series, fit.count, z, seasonMs);
  return {
    warming,
    score: Math.min(1, Math.max(0, 1 - p)),
    expected: band(reference + center, halfWidth),
    kind: residual < 0 ? 'dip' : 'spike',
    explanation: warming
      ? `warming up (${fit.count}/${params.minPoints} points, ${fit.calibration.length}/${MIN_EMPIRICAL_RESIDUALS} calibration residuals): ${explanation}`
      : explanation,
  };
}

/** Validates `params` once (throws a message naming the key) and returns the detector. */
export function createRobustSeasonalDetector(params: Partial<RobustSeasonalParams> = {}): AnomalyDetector {
  const resolved = resolveRobustSeasonalParams(params);
  return {
    name: ROBUST_SEASONAL,
    // Each of the calibration points is scored against the window before it.
    historyPoints: resolved.window + resolved.calibrationPoints,
    score: (window, context) => scoreNewest(window, context, resolved),
  };
}

export { ROBUST_SEASONAL_DEFAULTS, type RobustSeasonalParams } from './robust-seasonal-params.js';
