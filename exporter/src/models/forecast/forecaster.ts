/**
 * The forecasting family. A point model says where the series goes; the conformal wrapper
 * (conformal-forecaster.ts) turns any point model into a forecaster with honest intervals,
 * calibrated on the series' own out-of-sample errors at each horizon.
 *
 * Everything is pure: states are plain JSON values (stored between cycles, never holding
 * functions or typed arrays), and `update` returns a new state rather than editing its input.
 */

import type { ConformalState } from './conformal.js';

/** A point forecasting algorithm, fitted once and then updated one observation at a time. */
export interface PointModel<S> {
  readonly name: string;
  /** Fits on `values` (oldest first); `period` is the season in steps, or null for none. */
  fit(values: readonly number[], period: number | null): S;
  /** The state after one more observation (an online step, not a refit). */
  update(state: S, value: number): S;
  /** Point forecasts for 1..steps steps after the last observation. */
  predict(state: S, steps: number): number[];
}

/** One central prediction interval per step: `level` is 0.8 for the 80% band. */
export interface ForecastInterval {
  level: number;
  lower: number[];
  upper: number[];
}

export interface ForecastPath {
  point: number[];
  intervals: ForecastInterval[];
  /** True while the intervals rest on fewer out-of-sample errors than the model asks for. */
  warming: boolean;
}

export interface FitOptions {
  /** Horizons (in steps) whose errors are tracked exactly; others are interpolated. */
  horizons: readonly number[];
  /** Season in steps; undefined detects it from the data, null forces none. */
  period?: number | null;
  /** Sampling interval, so a detected season can snap to an hour, a day or a week. */
  stepMs?: number;
}

/** Serialisable state of a fitted forecaster (the point model's state stays opaque). */
export interface ForecasterState {
  model: string;
  period: number | null;
  point: unknown;
  calibration: ConformalState;
}

export interface Forecaster {
  readonly name: string;
  /** Smallest history `fit` accepts. */
  readonly minPoints: number;
  fit(values: readonly number[], options: FitOptions): ForecasterState;
  update(state: ForecasterState, value: number): ForecasterState;
  forecast(state: ForecasterState, steps: number): ForecastPath;
  /** P(value > threshold) at each of steps 1..steps, from the predictive distribution. */
  exceedance(state: ForecasterState, steps: number, threshold: number): number[];
}
