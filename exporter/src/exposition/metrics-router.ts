/**
 * GET /metrics: the snapshot's pre-rendered text plus the self metrics. Nothing here
 * computes a score — a scrape costs a string concatenation.
 */
import { Router } from 'express';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SelfMetrics } from './self-metrics.js';

export function metricsRouter(snapshot: ScoreSnapshot, self: SelfMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_request, response) => {
    const selfText = await self.registry.metrics();
    response.type(self.registry.contentType).send(snapshot.exposition() + selfText);
  });
  return router;
}
