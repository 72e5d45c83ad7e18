/**
 * GET /metrics: the snapshot's pre-encoded bytes plus the self metrics. Nothing here
 * computes a score. The body is written as it is: Express's send() would hash tens of
 * megabytes for an ETag on every scrape, and Prometheus never revalidates.
 */
import { Router } from 'express';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SelfMetrics } from './self-metrics.js';

export function metricsRouter(snapshot: ScoreSnapshot, self: SelfMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_request, response) => {
    const selfBytes = Buffer.from(await self.registry.metrics(), 'utf8');
    const scores = snapshot.bytes();
    response.status(200);
    response.setHeader('Content-Type', self.registry.contentType);
    response.setHeader('Content-Length', scores.length + selfBytes.length);
    response.write(scores);
    response.end(selfBytes);
  });
  return router;
}
