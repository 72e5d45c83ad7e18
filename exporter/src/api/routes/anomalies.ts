/** GET /api/v1/anomalies: filter by service, signal, time range and severity; paginated. */
import { Router } from 'express';
import type { AnomalyStore, FeedbackStore } from '../../store/store.js';
import { anomaliesQuery, type AnomaliesResponse } from '../contract.js';
import { pageWithCursor, parseOrThrow, timeRangeOrThrow } from '../validate.js';

export function anomaliesRouter(store: AnomalyStore & Pick<FeedbackStore, 'readAcks'>): Router {
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
    const acks = new Map((await store.readAcks(page.items.map((a) => a.id))).map((a) => [a.anomalyId, a]));
    const body: AnomaliesResponse = {
      items: page.items.map(({ timestampMs, ...rest }) => {
        const ack = acks.get(rest.id);
        return {
          ...rest,
          time: new Date(timestampMs).toISOString(),
          acknowledgement: ack ? { by: ack.actor, at: new Date(ack.atMs).toISOString() } : null,
        };
      }),
      nextCursor: page.nextCursor,
    };
    response.json(body);
  });
  return router;
}
