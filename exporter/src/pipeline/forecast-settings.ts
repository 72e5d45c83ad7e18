/** The forecast stage's settings, resolved once from config: models built, durations in steps. */
import { formatDuration, parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';
import type { Forecaster } from '../models/forecast/forecaster.js';
import { breachPredictor, type BreachPredictor } from '../models/prediction/breach-predictor.js';
import { forecasters } from '../models/registry.js';
import type { DriftSettings } from './drift.js';

export interface ForecastHorizon {
  /** The `horizon` label: the shortest Prometheus duration (`1h`, never `60m`). */
  label: string;
  steps: number;
}

export interface ForecastSettings {
  forecaster: Forecaster;
  predictor: BreachPredictor;
  stepMs: number;
  /** Ascending by steps. */
  horizons: ForecastHorizon[];
  longestSteps: number;
  historySteps: number;
  minSteps: number;
  refitEveryMs: number;
  /** Wall-clock ms fits may take per cycle (the first batch always runs). */
  fitBudgetMs: number;
  /** Empty steps a state is carried over; a longer silence refits the series. */
  maxGapSteps: number;
  /** When a forecast's live error calls for a refit before its schedule (pipeline/drift.ts). */
  drift: DriftSettings;
}

export function resolveForecastSettings(config: OmenConfig): ForecastSettings | null {
  const { forecast } = config;
  if (!forecast.enabled) return null;
  const stepMs = parseDuration(forecast.step);
  const byLabel = new Map<string, ForecastHorizon>();
  for (const text of forecast.horizons) {
    const ms = parseDuration(text);
    byLabel.set(formatDuration(ms), {
      label: formatDuration(ms),
      steps: Math.max(1, Math.round(ms / stepMs)),
    });
  }
  const horizons = [...byLabel.values()].sort((a, b) => a.steps - b.steps);
  const longestSteps = horizons.at(-1)?.steps ?? 1;
  return {
    forecaster: forecasters[forecast.model](),
    predictor: breachPredictor(),
    stepMs,
    horizons,
    longestSteps,
    historySteps: forecast.history,
    minSteps: forecast.minSteps,
    refitEveryMs: parseDuration(forecast.refitEvery),
    fitBudgetMs: forecast.fitBudget * parseDuration(config.pipeline.interval),
    maxGapSteps: Math.max(12, longestSteps),
    drift: { factor: forecast.driftFactor, minSteps: forecast.driftMinSteps },
  };
}

/** The season in steps for the forecaster: undefined detects it, null means none. */
export function periodInSteps(
  season: { seasonMs: number | null; detectSeason: boolean } | undefined,
  stepMs: number,
): number | null | undefined {
  if (!season || season.detectSeason) return undefined;
  if (season.seasonMs === null) return null;
  const steps = Math.round(season.seasonMs / stepMs);
  return steps >= 2 ? steps : null;
}
