/** GET /api/v1/anomalies: filter by service, signal, time range and severity; paginated. */
import { Router } from 'express';
import type { AnomalyStore } from '../../store/store.js';
import { anomaliesQuery, type AnomaliesResponse } from '../contract.js';
import { pageWithCursor, parseOrThrow, timeRangeOrThrow } from '../validate.js';

export function anomaliesRouter(store: AnomalyStore): Router {
  const router = Router();
  router.get('/anomalies', async (request, response) => {
    const query = parseOrThrow(anomaliesQuery, request.query, 'query');
    const { fromMs, toMs } = timeRangeOrThrow(query);
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
