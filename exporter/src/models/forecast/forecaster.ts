/**
 * The forecasting family. A point model says where the series goes; the conformal wrapper
 * (conformal-forecaster.ts) turns any point model into a forecaster with honest intervals,
 * calibrated on the series' own out-of-sample errors at each horizon.
 *
 * Everything is pure in the sense that matters here — no I/O, no clock, the same inputs give
 * the same outputs. Point models' states are plain JSON values; the conformal calibration
 * keeps its windows in typed arrays (a forecaster state lives in memory between cycles and
 * is refitted after a restart, never stored). `update` may edit the state it is given and
 * returns it: the caller owns one state per series and keeps only what `update` returns
 * (copying every window of 10 000 series per point would cost more than the models).
 */

import type { ConformalState } from './conformal.js';

/** A point forecasting algorithm, fitted once and then updated one observation at a time. */
export interface PointModel<S> {
  readonly name: string;
  /** Fits on `values` (oldest first); `period` is the season in steps, or null for none. */
  fit(values: readonly number[], period: number | null): S;
  /** The state after one more observation (an online step, not a refit); may edit `state`. */
  update(state: S, value: number): S;
  /** Point forecasts for 1..steps steps after the last observation. */
  predict(state: S, steps: number): number[];
  /** Point forecasts at the given steps ahead only (each ≥ 1). */
  predictAt(state: S, horizons: readonly number[]): number[];
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
  /** The state after one more observation; may edit `state` (keep only the returned one). */
  update(state: ForecasterState, value: number): ForecasterState;
  forecast(state: ForecasterState, steps: number): ForecastPath;
  /** The forecast at the given steps ahead only (each ≥ 1): `point[i]` is `horizons[i]` steps ahead. */
  forecastAt(state: ForecasterState, horizons: readonly number[]): ForecastPath;
  /**
   * P(value > threshold) at each of the given steps ahead (ascending, each ≥ 1), from the
   * predictive distribution; with `drift`, of a point path that also climbs by `drift` per step.
   */
  exceedanceAt(state: ForecasterState, steps: readonly number[], threshold: number, drift?: number): number[];
  /** True while the interval `steps` ahead rests on fewer out-of-sample errors than asked for. */
  warmingAt(state: ForecasterState, steps: number): boolean;
}
