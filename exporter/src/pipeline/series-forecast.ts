/**
 * One series' forecast between cycles: the forecaster and breach walk, the step being
 * filled, the threshold it is judged against, when it was fitted and is due again, and the
 * view the snapshot publishes (recomputed only when a step closes: between steps the
 * forecast does not change).
 */
import type { ExpectedBand } from '../models/types.js';
import type { ForecastView } from '../scores/series-score.js';
import type { ForecastPath } from '../models/forecast/forecaster.js';
import { fitBreach, step, type BreachWalk } from '../models/prediction/breach-walk.js';
import { learnThreshold } from '../models/prediction/threshold.js';
import type { SeriesKey, StepWindow } from '../store/store.js';
import type { ForecastSettings } from './forecast-settings.js';
import { denseSteps, openAccumulator, type StepAccumulator } from './step-accumulator.js';

export interface SeriesForecast extends SeriesKey {
  walk: BreachWalk;
  steps: StepAccumulator;
  threshold: number;
  thresholdLearned: boolean;
  fittedAtMs: number;
  refitDueMs: number;
  view: ForecastView;
}

/** A fit also returns its `history`, the steps fitted on (oldest first): the catalog measures it. */
export type FitResult =
  { kind: 'fitted'; forecast: SeriesForecast; history: number[] } | { kind: 'short'; steps: number };

/** The point and 80%/95% bounds of the path's `index`-th step. */
export function band(path: ForecastPath, index: number): ExpectedBand {
  const at = (level: number, side: 'lower' | 'upper') =>
    path.intervals.find((i) => Math.abs(i.level - level) < 1e-9)?.[side][index] ?? Number.NaN;
  return {
    point: path.point[index] as number,
    lower_80: at(0.8, 'lower'),
    upper_80: at(0.8, 'upper'),
    lower_95: at(0.95, 'lower'),
    upper_95: at(0.95, 'upper'),
  };
}

/** The forecast path to the longest horizon from the current state. */
export function forecastPath(settings: ForecastSettings, forecast: SeriesForecast): ForecastPath {
  return settings.forecaster.forecast(forecast.walk.forecast, settings.longestSteps);
}

export function forecastView(
  settings: ForecastSettings,
  forecast: Omit<SeriesForecast, 'view'>,
): ForecastView {
  const { forecaster } = settings;
  const state = forecast.walk.forecast;
  // Only the steps published: the whole path is computed when the API asks for it.
  const path = forecaster.forecastAt(state, [1, ...settings.horizons.map((h) => h.steps)]);
  const { prediction } = forecast.walk;
  const stepsToBreach = prediction.stepsToBreach;
  return {
    model: settings.forecaster.name,
    fromMs: forecast.steps.openStartMs,
    threshold: forecast.threshold,
    thresholdLearned: forecast.thresholdLearned,
    expected: band(path, 0),
    expectedWarming: forecaster.warmingAt(state, 1),
    horizons: settings.horizons.map((horizon, i) => {
      const warming = forecaster.warmingAt(state, horizon.steps);
      return {
        horizon: horizon.label,
        band: band(path, i + 1),
        warming,
        breachProbability: warming ? null : (prediction.probability[i] as number),
      };
    }),
    // A step whose interval still rests on too few errors says "as likely as not" of any
    // value: a time to breach there would be made up, so there is none until it has warmed.
    timeToBreachSeconds:
      stepsToBreach === null || forecaster.warmingAt(state, stepsToBreach)
        ? null
        : (stepsToBreach * settings.stepMs) / 1000,
    warming: forecaster.warmingAt(state, settings.longestSteps),
  };
}

/** Spreads refits over 0.5–1.5 × refitEvery by a hash of the series, so they never bunch up. */
export function refitDue(settings: ForecastSettings, key: SeriesKey, fromMs: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${key.signal}\u0000${key.service}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return fromMs + settings.refitEveryMs * (0.5 + (hash >>> 0) / 2 ** 32);
}

/**
 * Fits a series on its steps read from the store: every step but the newest is history; the
 * newest (still filling, or the last before a silence) opens the accumulator.
 */
export function fitSeries(
  settings: ForecastSettings,
  window: StepWindow,
  options: { threshold: number | undefined; period: number | null | undefined; nowMs: number },
): FitResult {
  const dense = denseSteps(window.startsMs, window.means, settings.stepMs);
  const history = dense.slice(0, -1).slice(-settings.historySteps);
  if (history.length < settings.minSteps) return { kind: 'short', steps: history.length };
  const threshold = options.threshold ?? learnThreshold(history);
  const walk = fitBreach(settings.forecaster, settings.predictor, history, {
    threshold,
    horizons: settings.horizons.map((h) => h.steps),
    stepMs: settings.stepMs,
    period: options.period,
  });
  const last = window.startsMs.length - 1;
  const base = {
    signal: window.signal,
    service: window.service,
    walk,
    steps: openAccumulator(
      settings.stepMs,
      window.startsMs[last] as number,
      window.means[last] as number,
      window.counts[last] as number,
      window.lastSampleMs,
    ),
    threshold,
    thresholdLearned: options.threshold === undefined,
    fittedAtMs: options.nowMs,
    refitDueMs: refitDue(settings, window, options.nowMs),
  };
  return { kind: 'fitted', forecast: { ...base, view: forecastView(settings, base) }, history };
}

/** Walks the forecast through closed steps' means and refreshes its view. */
export function advanceSteps(
  settings: ForecastSettings,
  forecast: SeriesForecast,
  means: readonly number[],
): void {
  for (const mean of means)
    forecast.walk = step(settings.forecaster, settings.predictor, forecast.walk, mean);
  forecast.view = forecastView(settings, forecast);
}
