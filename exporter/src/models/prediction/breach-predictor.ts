/**
 * Breach prediction: per horizon H, P(the series exceeds its threshold at any step within H)
 * from the forecaster's predictive distribution, calibrated on the series' own history.
 *
 * The raw probability is a first-passage approximation, not the end point alone: the most
 * likely step to be above the threshold (max over steps ≤ H of P(X_k > threshold)), doubled
 * in the way the reflection principle doubles a random walk's end-point probability
 * (1 − (1 − p)², which stays below 1). Every prediction is resolved H steps later (did the
 * series exceed the threshold in between?), and the resolved pairs feed an isotonic
 * calibration, so the published number is a frequency the series has actually shown.
 */
import { DelayLines } from '../forecast/delay-lines.js';
import type { Forecaster, ForecasterState } from '../forecast/forecaster.js';
import { upperBound } from '../sorted-search.js';
import { breachGrid } from './breach-grid.js';
import { calibrate, CalibrationBins } from './calibration.js';
import { createRecentValues, pushRecent, supportedClimb, type RecentValues } from './local-trend.js';

export interface BreachParams {
  /** Pseudo-observations per calibration bin (shrinkage towards the raw probability). */
  prior: number;
  /** Step-wise P(X_k > threshold) at which the time to breach is reached. */
  timeToBreachAt: number;
}

export const BREACH_DEFAULTS: Readonly<BreachParams> = Object.freeze({
  prior: 20,
  timeToBreachAt: 0.5,
});

/**
 * Recent values a climb is measured over (local-trend.ts). 180 steps (45 min at 15 s): on NAB
 * it leaves Brier skill and ECE as they were (0.474 / 0.0096, against 0.477 / 0.0099 without)
 * and lifts recall at every lead; shorter windows cost calibration (120: ECE 0.0136, more
 * false alarms).
 */
export const CLIMB_WINDOW = 180;

export interface BreachState {
  threshold: number;
  /** Horizons in steps, ascending. */
  horizons: number[];
  /** Per horizon, the resolved predictions by raw probability. */
  calibration: CalibrationBins;
  /**
   * Per horizon h: a delay line of the raw probabilities said at the last h origins,
   * resolved when the value h steps after it arrives.
   */
  pending: DelayLines;
  /** Observations seen, and the index of the latest one above the threshold (−1: none). */
  seen: number;
  lastBreach: number;
  /** The newest `trendWindow` values, for the climb. */
  recent: RecentValues;
  trendWindow: number;
}

export interface BreachPrediction {
  /** Calibrated P(breach within horizons[i]). */
  probability: number[];
  /** Uncalibrated first-passage probabilities, same order. */
  raw: number[];
  /** Steps until the breach is more likely than not, or null within the longest horizon. */
  stepsToBreach: number | null;
}

export function createBreachState(
  threshold: number,
  horizons: readonly number[],
  trendWindow: number = CLIMB_WINDOW,
): BreachState {
  if (!Number.isFinite(threshold))
    throw new Error(`breach: threshold must be a finite number (got ${threshold})`);
  if (horizons.length === 0 || horizons.some((h) => !Number.isInteger(h) || h < 1))
    throw new Error(`breach: horizons must be whole steps ≥ 1 (got ${JSON.stringify(horizons)})`);
  const sorted = [...new Set(horizons)].sort((a, b) => a - b);
  return {
    threshold,
    horizons: sorted,
    calibration: new CalibrationBins(sorted.length),
    pending: new DelayLines(sorted, 'float32'),
    seen: 0,
    lastBreach: -1,
    recent: createRecentValues(trendWindow),
    trendWindow,
  };
}

/**
 * First-passage probability within each horizon from step-wise exceedance probabilities,
 * `stepwise[i]` being the one `steps[i]` ahead (by default, step i + 1).
 */
export function firstPassage(
  stepwise: readonly number[],
  horizons: readonly number[],
  steps: readonly number[] = stepwise.map((_, i) => i + 1),
): number[] {
  // One running maximum serves every horizon (each is a prefix of the same steps).
  const highest = new Array<number>(stepwise.length);
  let running = -Infinity;
  stepwise.forEach((p, k) => (highest[k] = running = Math.max(running, p)));
  return horizons.map((h) => {
    const within = upperBound(steps, h);
    const p = within === 0 ? -Infinity : (highest[within - 1] as number);
    return 1 - (1 - p) * (1 - p);
  });
}

/**
 * `value` has arrived: the oldest prediction of each full delay line is resolved — it
 * breached if any value after it, up to this one, was above the threshold. Edits `state`;
 * `record` must follow before the next observation (it fills the slot resolved here).
 */
export function observeOutcome(state: BreachState, value: number): BreachState {
  state.seen += 1;
  if (value > state.threshold) state.lastBreach = state.seen;
  pushRecent(state.recent, value);
  state.horizons.forEach((h, i) => {
    if (!state.pending.isFull(i)) return;
    // The oldest prediction was said after observation `seen − h`.
    const breached = state.lastBreach > state.seen - h;
    state.calibration.add(i, state.pending.oldest(i), breached);
  });
  return state;
}

export function breachPredictor(params: Partial<BreachParams> = {}) {
  const { prior, timeToBreachAt } = { ...BREACH_DEFAULTS, ...params };
  if (!(prior > 0)) throw new Error(`breach: prior must be > 0 (got ${prior})`);
  if (!(timeToBreachAt > 0 && timeToBreachAt < 1))
    throw new Error(`breach: timeToBreachAt must be in (0, 1) (got ${timeToBreachAt})`);

  return {
    /** The breach outlook from the forecaster's current state (nothing is learned here). */
    predict(forecaster: Forecaster, forecast: ForecasterState, state: BreachState): BreachPrediction {
      const grid = breachGrid(state.horizons);
      const stepwise = forecaster.exceedanceAt(forecast, grid, state.threshold);
      // A clear recent climb, carried on from the forecast's point: the breach it leads to
      // counts too (the calibration learns how far to trust it on this series).
      const climb = supportedClimb(state.recent);
      if (climb > 0) {
        const climbing = forecaster.exceedanceAt(forecast, grid, state.threshold, climb);
        climbing.forEach((p, k) => (stepwise[k] = Math.max(stepwise[k] as number, p)));
      }
      const raw = firstPassage(stepwise, state.horizons, grid);
      const probability = raw.map((r, i) => calibrate(state.calibration, i, r, prior));
      const first = stepwise.findIndex((p) => p >= timeToBreachAt);
      return { probability, raw, stepsToBreach: first === -1 ? null : (grid[first] as number) };
    },
    /** Records a prediction so that its outcome calibrates the ones after it. */
    record(state: BreachState, prediction: BreachPrediction): BreachState {
      state.horizons.forEach((_, i) => state.pending.push(i, prediction.raw[i] as number));
      return state;
    },
  };
}

export type BreachPredictor = ReturnType<typeof breachPredictor>;
