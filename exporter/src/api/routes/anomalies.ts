/** GET /api/v1/anomalies: filter by service, signal, time range and severity; paginated. */
import { Router } from 'express';
import type { AnomalyStore } from '../../store/store.js';
import { anomaliesQuery, type AnomaliesResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { pageWithCursor, parseOrThrow, parseTimeParam } from '../validate.js';

export function anomaliesRouter(store: AnomalyStore): Router {
  const router = Router();
  router.get('/anomalies', async (request, response) => {
    const query = parseOrThrow(anomaliesQuery, request.query, 'query');
    const fromMs = parseTimeParam(query.from);
    const toMs = parseTimeParam(query.to);
    if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
      throw new ApiError(400, 'invalid_parameter', 'invalid query parameter "from": it is after "to"', {
        parameter: 'from',
      });
    }
    const page = await pageWithCursor(() =>
      store.queryAnomalies({
        service: query.service,
        signal: query.signal,
        fromMs,
        toMs,
        minSeverity: query.severity,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
    const body: AnomaliesResponse = {
      items: page.items.map(({ timestampMs, ...rest }) => ({
        ...rest,
        time: new Date(timestampMs).toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
    response.json(body);
  });
  return router;
}
