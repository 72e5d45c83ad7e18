/**
 * A forecaster and its breach outlook moving together, one observation at a time — the step
 * each pipeline cycle takes — and the backtest fit that takes that step through the history
 * so the calibration starts from the series' own past (at each past t: did it breach within H?).
 */
import type { Forecaster, ForecasterState } from '../forecast/forecaster.js';
import {
  createBreachState,
  observeOutcome,
  type BreachPrediction,
  type BreachPredictor,
  type BreachState,
} from './breach-predictor.js';

export interface BreachWalk {
  forecast: ForecasterState;
  breach: BreachState;
  prediction: BreachPrediction;
}

export interface BreachFitOptions {
  threshold: number;
  /** Breach horizons, in steps. */
  horizons: readonly number[];
  /** Further horizons the forecaster must serve (its intervals), in steps. */
  forecastHorizons?: readonly number[];
  stepMs?: number;
  /** Season in steps; undefined detects it from the data, null forces none. */
  period?: number | null;
  /** Share of the history walked for calibration (the rest fits the forecaster). */
  backtestFraction?: number;
  /** Steps a climb is measured over; 0 leaves climbs out (default CLIMB_WINDOW). */
  climbWindow?: number;
}

export function step(
  forecaster: Forecaster,
  predictor: BreachPredictor,
  walk: Omit<BreachWalk, 'prediction'>,
  value: number,
): BreachWalk {
  const breach = observeOutcome(walk.breach, value);
  const forecast = forecaster.update(walk.forecast, value);
  const prediction = predictor.predict(forecaster, forecast, breach);
  return { forecast, breach: predictor.record(breach, prediction), prediction };
}

export function fitBreach(
  forecaster: Forecaster,
  predictor: BreachPredictor,
  values: readonly number[],
  options: BreachFitOptions,
): BreachWalk {
  const split = Math.max(
    forecaster.minPoints,
    Math.floor(values.length * (1 - (options.backtestFraction ?? 0.5))),
  );
  if (values.length < split)
    throw new Error(`breach: needs at least ${split} points to fit (got ${values.length})`);
  const forecast = forecaster.fit(values.slice(0, split), {
    horizons: [...options.horizons, ...(options.forecastHorizons ?? [])],
    stepMs: options.stepMs,
    period: options.period,
  });
  const breach = createBreachState(options.threshold, options.horizons, options.climbWindow);
  const prediction = predictor.predict(forecaster, forecast, breach);
  let walk: BreachWalk = { forecast, breach: predictor.record(breach, prediction), prediction };
  for (let t = split; t < values.length; t += 1)
    walk = step(forecaster, predictor, walk, values[t] as number);
  return walk;
}
