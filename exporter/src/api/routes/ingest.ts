/**
 * POST /api/v1/ingest: samples and error events pushed by applications. In order: the
 * role (ingest or admin), the rate limit, the body size (413 before it is read when
 * Content-Length says so), the JSON shape, the push source's own rules (signals,
 * timestamps), then the commit — and only after COMMIT a 200 (DESIGN Decision 8).
 */
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { IngestRejected, type PushBatch } from '../../sources/push/ingest-batch.js';
import type { IngestOutcome } from '../../sources/push/push-source.js';
import { requireRole } from '../auth.js';
import { ingestRequest, type IngestResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { rateLimit, TokenBuckets } from '../rate-limit.js';
import { parseBodyOrThrow } from '../validate.js';

/** What the route needs of the push source. */
export interface PushIngest {
  readonly name: string;
  readonly maxBodyBytes: number;
  readonly rateLimit: { perSecond: number; burst: number };
  ingest(batch: PushBatch, nowMs: number): Promise<IngestOutcome>;
}

export function ingestRouter(push: PushIngest | undefined, clock: () => number = Date.now): Router {
  const router = Router();
  if (!push) {
    router.post('/ingest', requireRole('ingest'), () => {
      throw new ApiError(404, 'not_found', 'no push source is configured (add one of type push to sources)');
    });
    return router;
  }
  const buckets = new TokenBuckets(push.rateLimit.perSecond, push.rateLimit.burst, clock);
  router.post(
    '/ingest',
    requireRole('ingest'),
    rateLimit(buckets, 'ingest'),
    requireJson,
    express.json({ limit: push.maxBodyBytes }),
    bodyErrors(push),
    commitBatch(push, clock),
  );
  return router;
}

function commitBatch(push: PushIngest, clock: () => number): RequestHandler {
  return async (request, response) => {
    const batch = parseBodyOrThrow(ingestRequest, request.body);
    const accepted = await ingestOrReject(push, batch, clock());
    const body: IngestResponse = { accepted };
    response.json(body);
  };
}

const requireJson: RequestHandler = (request, _response, next) => {
  if (!request.is('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the batch as Content-Type: application/json');
  }
  next();
};

/** The body parser's failures, in the one error shape with a message that says what to change. */
function bodyErrors(push: PushIngest): ErrorRequestHandler {
  return (error, _request, _response, next) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      next(
        new ApiError(
          413,
          'payload_too_large',
          `the body is larger than ${push.maxBodyBytes} bytes (maxBodyBytes of source ${push.name}); send smaller batches`,
        ),
      );
      return;
    }
    if (type === 'entity.parse.failed') {
      next(new ApiError(400, 'invalid_body', 'body: not valid JSON', { field: 'body' }));
      return;
    }
    next(error);
  };
}

async function ingestOrReject(push: PushIngest, batch: PushBatch, nowMs: number) {
  try {
    return await push.ingest(batch, nowMs);
  } catch (error) {
    if (error instanceof IngestRejected) {
      throw new ApiError(400, 'invalid_body', error.message, { field: error.field });
    }
    throw error;
  }
}
