/** GET /api/v1/audit: the audit trail, newest first; filter by actor, action and time; paginated. */
import { Router } from 'express';
import type { AuditStore } from '../../store/store.js';
import { auditQuery, type AuditResponse } from '../contract.js';
import { pageWithCursor, parseOrThrow, timeRangeOrThrow } from '../validate.js';

export function auditRouter(store: AuditStore): Router {
  const router = Router();
  router.get('/audit', async (request, response) => {
    const query = parseOrThrow(auditQuery, request.query, 'query');
    const { fromMs, toMs } = timeRangeOrThrow(query);
    const page = await pageWithCursor(() =>
      store.queryAudit({
        actor: query.actor,
        action: query.action,
        fromMs,
        toMs,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
    const body: AuditResponse = {
      items: page.items.map(({ atMs, ...rest }) => ({ ...rest, time: new Date(atMs).toISOString() })),
      nextCursor: page.nextCursor,
    };
    response.json(body);
  });
  return router;
}
