/**
 * GET /metrics: the snapshot's pre-encoded bytes plus the self metrics. Nothing here
 * computes a score. The body is written as it is: Express's send() would hash tens of
 * megabytes for an ETag on every scrape, and Prometheus never revalidates.
 * Prometheus sends `Accept-Encoding: gzip`; the scores were gzipped once per cycle, the
 * small self metrics are gzipped per scrape, and the gzip members are sent one after the
 * other, which RFC 1952 allows and every gzip reader (Go's included) decodes as one body.
 * A scraper that does not take gzip is sent the scores decompressed as they stream out.
 */
import { Router, type Request, type Response } from 'express';
import { createGunzip, gzipSync } from 'node:zlib';
import type { GzippedText } from '../scores/gzip-members.js';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SelfMetrics } from './self-metrics.js';

// Large output chunks: the default 16 KiB makes thousands of socket writes of the text.
const GUNZIP_CHUNK_BYTES = 256 * 1024;

function writeHead(response: Response, length: number, encoding?: 'gzip'): void {
  response.status(200);
  response.setHeader('Vary', 'Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.setHeader('Content-Length', length);
}

function sendGzipped(response: Response, scores: GzippedText, selfBytes: Buffer): void {
  const selfGzipped = gzipSync(selfBytes);
  const length = scores.members.reduce((sum, member) => sum + member.length, 0);
  writeHead(response, length + selfGzipped.length, 'gzip');
  for (const member of scores.members) response.write(member);
  response.end(selfGzipped);
}

/** Decompresses the scores into the response, at the pace the client reads them. */
function sendPlain(response: Response, scores: GzippedText, selfBytes: Buffer): void {
  writeHead(response, scores.length + selfBytes.length);
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  // Cannot happen with bytes this process gzipped; if it does, the client must see a cut
  // body (fewer bytes than Content-Length), not a short one that looks whole.
  gunzip.on('error', (error) => response.destroy(error));
  response.on('close', () => gunzip.destroy());
  gunzip.pipe(response, { end: false });
  gunzip.on('end', () => response.end(selfBytes));
  for (const member of scores.members) gunzip.write(member);
  gunzip.end();
}

export function metricsRouter(snapshot: ScoreSnapshot, self: SelfMetrics): Router {
  const router = Router();
  router.get('/metrics', async (request: Request, response) => {
    const selfBytes = Buffer.from(await self.registry.metrics(), 'utf8');
    const scores = snapshot.current();
    response.setHeader('Content-Type', self.registry.contentType);
    if (request.acceptsEncodings('gzip', 'identity') === 'gzip') sendGzipped(response, scores, selfBytes);
    else sendPlain(response, scores, selfBytes);
  });
  return router;
}
