/**
 * GET /metrics: the snapshot's pre-encoded bytes plus the self metrics. Nothing here
 * computes a score. The body is written as it is: Express's send() would hash tens of
 * megabytes for an ETag on every scrape, and Prometheus never revalidates.
 * Prometheus sends `Accept-Encoding: gzip`; the scores were gzipped once per cycle, the
 * small self metrics are gzipped per scrape, and the two gzip members are sent one after
 * the other, which RFC 1952 allows and every gzip reader (Go's included) decodes as one.
 */
import { Router, type Request, type Response } from 'express';
import { gzipSync } from 'node:zlib';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SelfMetrics } from './self-metrics.js';

function writeHead(response: Response, length: number, encoding?: 'gzip'): void {
  response.status(200);
  response.setHeader('Vary', 'Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.setHeader('Content-Length', length);
}

export function metricsRouter(snapshot: ScoreSnapshot, self: SelfMetrics): Router {
  const router = Router();
  router.get('/metrics', async (request: Request, response) => {
    const selfBytes = Buffer.from(await self.registry.metrics(), 'utf8');
    const { parts, gzipped, length } = snapshot.current();
    response.setHeader('Content-Type', self.registry.contentType);
    if (gzipped && request.acceptsEncodings('gzip', 'identity') === 'gzip') {
      const selfGzipped = gzipSync(selfBytes);
      writeHead(response, gzipped.length + selfGzipped.length, 'gzip');
      response.write(gzipped);
      response.end(selfGzipped);
      return;
    }
    writeHead(response, length + selfBytes.length);
    for (const part of parts) response.write(part);
    response.end(selfBytes);
  });
  return router;
}
