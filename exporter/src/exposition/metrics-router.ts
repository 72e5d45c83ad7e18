/**
 * GET /metrics: the snapshot's pre-encoded bytes plus the self metrics. Nothing here
 * computes a score. The body is written as it is: Express's send() would hash tens of
 * megabytes for an ETag on every scrape, and Prometheus never revalidates.
 * Prometheus sends `Accept-Encoding: gzip`; the scores were gzipped once per cycle, the
 * small self metrics are gzipped per scrape, and the two gzip members are sent one after
 * the other, which RFC 1952 allows and every gzip reader (Go's included) decodes as one.
 */
import { Router, type Request } from 'express';
import { gzipSync } from 'node:zlib';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SelfMetrics } from './self-metrics.js';

function body(
  request: Request,
  snapshot: ScoreSnapshot,
  self: Buffer,
): { encoding?: 'gzip'; parts: Buffer[] } {
  const gzipped = snapshot.gzipped();
  if (gzipped && request.acceptsEncodings('gzip', 'identity') === 'gzip')
    return { encoding: 'gzip', parts: [gzipped, gzipSync(self)] };
  return { parts: [snapshot.bytes(), self] };
}

export function metricsRouter(snapshot: ScoreSnapshot, self: SelfMetrics): Router {
  const router = Router();
  router.get('/metrics', async (request, response) => {
    const selfBytes = Buffer.from(await self.registry.metrics(), 'utf8');
    const { encoding, parts } = body(request, snapshot, selfBytes);
    response.status(200);
    response.setHeader('Content-Type', self.registry.contentType);
    response.setHeader('Vary', 'Accept-Encoding');
    if (encoding) response.setHeader('Content-Encoding', encoding);
    response.setHeader('Content-Length', parts[0]!.length + parts[1]!.length);
    response.write(parts[0]);
    response.end(parts[1]);
  });
  return router;
}
