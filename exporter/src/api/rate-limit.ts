/**
 * Token-bucket rate limiting (DESIGN Decision 15): each key (a configured token, or the
 * client address when the API is open) may make `burst` requests at once and `perSecond`
 * on average; beyond that the answer is 429 with Retry-After.
 */
import type { Request, RequestHandler, Response } from 'express';
import { actorOf } from './auth.js';
import { ApiError } from './errors.js';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Past this many keys, full (idle) buckets are dropped, so client addresses cannot grow the map without bound. */
const PRUNE_AT = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one token; when none is left, says how many seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const nowMs = this.clock();
    const bucket = this.refilled(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)) };
  }

  private refilled(key: string, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= PRUNE_AT) this.prune(nowMs);
      bucket = { tokens: this.burst, updatedMs: nowMs };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsedSeconds * this.perSecond);
    bucket.updatedMs = nowMs;
    return bucket;
  }

  private prune(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * this.perSecond;
      if (tokens >= this.burst) this.buckets.delete(key);
    }
  }
}

/** Per token when the caller has one, else per client address. */
function keyOf(request: Request, response: Response): string {
  return actorOf(response).tokenId ?? `address:${request.ip ?? 'unknown'}`;
}

export function rateLimit(buckets: TokenBuckets, what: string): RequestHandler {
  return (request, response, next) => {
    const verdict = buckets.take(keyOf(request, response));
    if (!verdict.ok) {
      response.set('Retry-After', String(verdict.retryAfterSeconds));
      throw new ApiError(
        429,
        'rate_limited',
        `too many ${what} requests; retry after ${verdict.retryAfterSeconds}s`,
      );
    }
    next();
  };
}
