/**
 * Rolling-origin evaluation of one series: the forecaster is fitted on the history before the
 * first origin, then at every origin forecasts the horizons and takes in the next observation
 * (the online update the pipeline does each cycle), so every forecast is out of sample.
 */
import type { Forecaster } from '../../models/forecast/forecaster.js';
import { AccuracyTally, type Accuracy } from './accuracy.js';

export interface RollingOptions {
  horizons: readonly number[];
  levels: readonly number[];
  /** Share of the series, at its end, whose points are forecast origins. */
  testFraction: number;
}

export interface RollingResult {
  period: number | null;
  origins: number;
  /** By horizon, and `all` pooled over the horizons. */
  byHorizon: Map<number, Accuracy>;
  all: Accuracy;
}

/** Index of the first forecast origin (the fitting history is everything before it). */
export function firstOrigin(length: number, testFraction: number): number {
  return Math.floor(length * (1 - testFraction));
}

export function rollingOrigin(
  values: readonly number[],
  forecaster: Forecaster,
  options: RollingOptions & { period?: number | null; stepMs?: number },
): RollingResult {
  const start = firstOrigin(values.length, options.testFraction);
  const longest = Math.max(...options.horizons);
  let state = forecaster.fit(values.slice(0, start), {
    horizons: options.horizons,
    period: options.period,
    stepMs: options.stepMs,
  });
  const tallies = new Map(options.horizons.map((h) => [h, new AccuracyTally()]));
  const all = new AccuracyTally();
  let origins = 0;
  for (let t = start; t < values.length; t += 1) {
    const path = forecaster.forecast(state, longest);
    origins += 1;
    for (const h of options.horizons) {
      const target = t + h - 1;
      if (target >= values.length) continue;
      tallies.get(h)?.add(path, h, values[target] as number);
      all.add(path, h, values[target] as number);
    }
    state = forecaster.update(state, values[t] as number);
  }
  return {
    period: state.period,
    origins,
    byHorizon: new Map([...tallies].map(([h, tally]) => [h, tally.result(options.levels)])),
    all: all.result(options.levels),
  };
}
