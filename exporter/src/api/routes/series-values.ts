/**
 * GET /api/v1/signals/:signal/values?service=: one series' recent values from the store, so a
 * forecast chart can show the past it continues without a Prometheus query. Too many
 * samples for the chart are averaged in DuckDB, never shipped whole.
 */
import { Router } from 'express';
import { formatDuration, parseDuration } from '../../config/duration.js';
import type { SampleStore } from '../../store/store.js';
import { seriesValuesQuery, type SeriesValuesResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { parseOrThrow, timeRangeOrThrow } from '../validate.js';

const DEFAULT_SPAN_MS = 3_600_000;
const MAX_NAME = 200;

export function seriesValuesRouter(store: Pick<SampleStore, 'readHistory'>, clock: () => number): Router {
  const router = Router();
  router.get('/signals/:signal/values', async (request, response) => {
    const signal = request.params.signal;
    if (signal.length > MAX_NAME) {
      throw new ApiError(
        400,
        'invalid_parameter',
        `invalid path parameter "signal": longer than ${MAX_NAME}`,
        {
          parameter: 'signal',
        },
      );
    }
    const query = parseOrThrow(seriesValuesQuery, request.query, 'query');
    if (query.from !== undefined && query.span !== undefined) {
      throw new ApiError(
        400,
        'invalid_parameter',
        'invalid query parameter "span": give "from" or "span", not both',
        {
          parameter: 'span',
        },
      );
    }
    const range = timeRangeOrThrow(query);
    const toMs = range.toMs ?? clock();
    const fromMs =
      range.fromMs ?? toMs - (query.span === undefined ? DEFAULT_SPAN_MS : parseDuration(query.span));
    if (fromMs > toMs) {
      // Only `from` was given, and it is later than now.
      throw new ApiError(400, 'invalid_parameter', 'invalid query parameter "from": it is after "to"', {
        parameter: 'from',
      });
    }
    const history = await store.readHistory(
      { signal, service: query.service },
      { fromMs, toMs },
      query.maxPoints,
    );
    if (!history) {
      throw new ApiError(
        404,
        'not_found',
        `no series ${signal}/${query.service}: the store has never had a sample of it`,
      );
    }
    const body: SeriesValuesResponse = {
      signal,
      service: query.service,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      samples: history.samples,
      step: history.stepMs === null ? null : formatDuration(history.stepMs),
      points: history.points.map((point) => ({
        time: new Date(point.timeMs).toISOString(),
        value: point.value,
        min: point.min,
        max: point.max,
      })),
    };
    response.json(body);
  });
  return router;
}
