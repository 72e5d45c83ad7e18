/** The backoff within a collect and the circuit breaker across collects, on an injected clock. */
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.js';
import { retryDelays, withRetries } from './retry.js';

describe('withRetries', () => {
  const never = new AbortController().signal;

  it('waits backoff, 2×, 4× between attempts and gives up after the retries', async () => {
    const slept: number[] = [];
    let attempts = 0;
    const failing = withRetries(
      () => Promise.reject(new Error(`attempt ${++attempts}`)),
      () => true,
      { retries: 3, backoffMs: 500, sleep: async (ms) => void slept.push(ms) },
      never,
    );
    await expect(failing).rejects.toThrow('attempt 4');
    expect(slept).toEqual([500, 1000, 2000]);
    expect(retryDelays(3, 500)).toEqual(slept);
  });

  it('returns the first success', async () => {
    let attempts = 0;
    const value = await withRetries(
      async () => (++attempts < 3 ? Promise.reject(new Error('no')) : 'ok'),
      () => true,
      { retries: 5, backoffMs: 1, sleep: async () => {} },
      never,
    );
    expect([value, attempts]).toEqual(['ok', 3]);
  });

  it('does not retry what will not pass', async () => {
    let attempts = 0;
    const refused = withRetries(
      () => Promise.reject(new Error(`bad query ${++attempts}`)),
      () => false,
      { retries: 5, backoffMs: 1, sleep: async () => {} },
      never,
    );
    await expect(refused).rejects.toThrow('bad query 1');
  });
});

describe('CircuitBreaker', () => {
  const settings = { failures: 3, openMs: 10_000, maxOpenMs: 60_000 };

  it('stays closed below the threshold of consecutive failures', () => {
    const breaker = new CircuitBreaker(settings);
    expect(breaker.failed(0, 'down')).toBeUndefined();
    expect(breaker.failed(1000, 'down')).toBeUndefined();
    breaker.succeeded();
    expect(breaker.failed(2000, 'down')).toBeUndefined();
    expect(breaker.failed(3000, 'down')).toBeUndefined();
    expect(() => breaker.check(3500)).not.toThrow();
  });

  it('opens after the threshold, doubling the open time per failed attempt up to the cap', () => {
    const breaker = new CircuitBreaker(settings);
    let now = 0;
    const opened: (number | undefined)[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      breaker.check(now); // an attempt is allowed: not open (or open time over)
      const openMs = breaker.failed(now, 'connection refused');
      opened.push(openMs);
      if (openMs !== undefined) {
        expect(() => breaker.check(now + openMs - 1)).toThrow(CircuitOpenError);
        now += openMs;
      } else now += 1000;
    }
    expect(opened).toEqual([undefined, undefined, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('says when the next attempt is and what failed, and closes after one success', () => {
    const breaker = new CircuitBreaker({ ...settings, failures: 1 });
    breaker.failed(100_000, 'prometheus http://p:9090: connection refused (ECONNREFUSED)');
    expect(() => breaker.check(103_000)).toThrow(
      'circuit open, next attempt in 7s (last error: prometheus http://p:9090: connection refused (ECONNREFUSED))',
    );
    breaker.succeeded();
    expect(() => breaker.check(103_000)).not.toThrow();
    expect(breaker.failed(104_000, 'x')).toBe(10_000); // back to the first open time
  });
});
