/** GET /api/v1/forecasts?signal=&service=: one series' forecast path and breach outlook. */
import { Router } from 'express';
import { formatDuration } from '../../config/duration.js';
import type { ForecastBook } from '../../pipeline/forecast-book.js';
import type { ForecastSettings } from '../../pipeline/forecast-settings.js';
import { band, forecastPath } from '../../pipeline/series-forecast.js';
import type { SeriesScore } from '../../scores/series-score.js';
import { forecastQuery, type ForecastResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { parseOrThrow } from '../validate.js';

export interface ForecastsDeps {
  book: ForecastBook;
  settings: ForecastSettings;
}

function respond(
  deps: ForecastsDeps,
  score: SeriesScore,
  forecast: NonNullable<ReturnType<ForecastBook['get']>>,
): ForecastResponse {
  const { settings } = deps;
  const path = forecastPath(settings, forecast);
  const view = forecast.view;
  return {
    signal: score.signal,
    service: score.service,
    model: view.model,
    step: formatDuration(settings.stepMs),
    threshold: view.threshold,
    thresholdLearned: view.thresholdLearned,
    warming: view.warming,
    timeToBreachSeconds: view.timeToBreachSeconds,
    path: path.point.map((_, i) => ({
      time: new Date(view.fromMs + i * settings.stepMs).toISOString(),
      ...band(path, i),
    })),
    horizons: view.horizons.map((h) => ({
      horizon: h.horizon,
      breachProbability: h.breachProbability,
      ...h.band,
    })),
  };
}

export function forecastsRouter(deps: ForecastsDeps | undefined, latest: { scores: SeriesScore[] }): Router {
  const router = Router();
  router.get('/forecasts', (request, response) => {
    const query = parseOrThrow(forecastQuery, request.query, 'query');
    const name = `${query.signal}/${query.service}`;
    if (!deps)
      throw new ApiError(
        404,
        'not_found',
        `no forecast for ${name}: forecasting is off (forecast.enabled: false)`,
      );
    const score = latest.scores.find((s) => s.signal === query.signal && s.service === query.service);
    const forecast = deps.book.get(query.signal, query.service);
    // The same rule as /metrics: a stale series publishes no forecast.
    if (!score || !score.forecast || !forecast)
      throw new ApiError(
        404,
        'not_found',
        `no forecast for ${name}: the series is unknown, stale, or has too little history to be forecast yet`,
      );
    response.json(respond(deps, score, forecast));
  });
  return router;
}
