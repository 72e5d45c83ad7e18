import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import { tempStorePath } from '../store/duckdb/test-support.js';
import { call, startTestApp, type TestApp } from './test-app.js';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
let nowMs = NOW;
const clock = () => nowMs;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app.close());
// Each test starts with a full bucket (burst 3, 1/s): time moves on between tests.
beforeEach(() => {
  nowMs += 60_000;
});

const push = (body: unknown, headers?: Record<string, string>) =>
  call(app.base, '/api/v1/ingest', { method: 'POST', body, headers });

describe('POST /api/v1/ingest', () => {
  it('commits samples and events, answers with the counts, and the store has them', async () => {
    const at = nowMs;
    const answer = await push({
      samples: [
        { signal: 'queue_depth', service: 'api', value: 7, timestamp: (at - 30_000) / 1000 },
        { signal: 'queue_depth', service: 'api', value: 9, timestamp: new Date(at - 15_000).toISOString() },
        { signal: 'queue_depth', service: 'worker', value: 1 },
      ],
      events: [
        { service: 'payments', type: 'TimeoutError', severity: 'critical' },
        { service: 'payments', type: 'ValueError', timestamp: (at - 10_000) / 1000 },
      ],
    });
    expect(answer).toMatchObject({ status: 200, body: { accepted: { samples: 3, events: 2 } } });
    const windows = await app.store.readWindows([{ fromMs: at - 60_000, toMs: at + 1 }]);
    expect(windows).toEqual([
      { signal: 'queue_depth', service: 'api', timestampsMs: [at - 30_000, at - 15_000], values: [7, 9] },
      { signal: 'queue_depth', service: 'worker', timestampsMs: [at], values: [1] },
    ]);
    const counts = await app.store.countErrorEvents({
      activeSinceMs: at - 60_000,
      fromMs: at - 60_000,
      toMs: at,
    });
    expect(counts).toEqual([{ service: 'payments', count: 2 }]);
  });

  it.each([
    [{ events: [{ service: 'a', type: 'E' }, { type: 'E' }] }, 'events[1].service: required'],
    [{ samples: [{ signal: 'queue_depth', service: 'a' }] }, 'samples[0].value: required'],
    [
      { samples: [{ signal: 'queue_depth', service: 'a', value: '3' }] },
      'samples[0].value: expected number, received string',
    ],
    [
      { events: [{ service: 'a', type: 'E', severity: 'fatal' }] },
      'events[0].severity: expected one of "info"|"warning"|"error"|"critical"',
    ],
    [{ events: [{ service: 'a', type: 'E', timestmp: 1 }] }, 'events[0].timestmp: unknown field'],
    [{ sample: [] }, 'sample: unknown field'],
    [{ events: [{ service: '', type: 'E' }] }, 'events[0].service: expected string to have >=1 characters'],
    [
      { events: [{ service: 'a', type: 'E', timestamp: 'yesterday' }] },
      'events[0].timestamp: expected RFC 3339 time or Unix seconds',
    ],
    [[], 'body: expected object, received array'],
  ])('names the bad field of %j', async (body, message) => {
    const answer = await push(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_body', message });
    expect(answer.body.error.details.field).toBe(message.split(':')[0]);
  });

  it('refuses signals it does not take, and times too far ahead or too old, naming the field', async () => {
    const cases: [unknown, string][] = [
      [
        { samples: [{ signal: 'latency', service: 'a', value: 1 }] },
        'samples[0].signal: "latency" is not a signal that lists this push source in its sources (those that do: queue_depth)',
      ],
      [
        { samples: [{ signal: 'pushed_error_rate', service: 'a', value: 1 }] },
        'samples[0].signal: "pushed_error_rate" is computed from error events; push events instead',
      ],
      [
        { events: [{ service: 'a', type: 'E', timestamp: (nowMs + 6 * 60_000) / 1000 }] },
        'events[0].timestamp: is more than 300s in the future',
      ],
      [
        {
          events: [
            { service: 'a', type: 'E' },
            { service: 'a', type: 'E', timestamp: nowMs },
          ],
        },
        'events[1].timestamp: is more than 300s in the future (Unix seconds expected, not milliseconds?)',
      ],
      [
        { events: [{ service: 'a', type: 'E', timestamp: (nowMs - 15 * 86_400_000) / 1000 }] },
        'events[0].timestamp: is older than the raw retention, so it would never be read',
      ],
    ];
    for (const [body, message] of cases) {
      nowMs += 10_000; // keep the rate limit out of it
      const answer = await push(body);
      expect([answer.status, answer.body.error.message]).toEqual([400, message]);
    }
    // A refused batch leaves nothing behind.
    expect(await app.store.countErrorEvents({ activeSinceMs: 0, fromMs: 0, toMs: nowMs })).not.toContainEqual(
      expect.objectContaining({ service: 'a' }),
    );
  });

  it('answers an over-size body 413, bad JSON 400 and another content type 415', async () => {
    const big = {
      events: Array.from({ length: 200 }, () => ({ service: 'payments', type: 'TimeoutError' })),
    };
    const tooLarge = await push(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toEqual({
      code: 'payload_too_large',
      message: 'the body is larger than 4096 bytes (maxBodyBytes of source app); send smaller batches',
    });
    const badJson = await push('{"events": [');
    expect(badJson.body.error).toMatchObject({ code: 'invalid_body', message: 'body: not valid JSON' });
    const text = await push('service=payments', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('answers 429 with Retry-After past the burst, and takes requests again once the bucket refills', async () => {
    const ok = { events: [{ service: 'limits', type: 'E' }] };
    for (let i = 0; i < 3; i += 1) expect((await push(ok)).status).toBe(200);
    const limited = await push(ok);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body.error.code).toBe('rate_limited');
    nowMs += 1_000;
    expect((await push(ok)).status).toBe(200);
  });
});

describe('durability', () => {
  it('answers 200 only after COMMIT: a fresh open of the file sees the batch', async () => {
    const temp = tempStorePath();
    const options = { path: temp.path, memoryLimit: '256MB', threads: 1 };
    const durable = await startTestApp({ clock, store: await openDuckDbStore(options) });
    try {
      const answer = await call(durable.base, '/api/v1/ingest', {
        method: 'POST',
        body: {
          samples: [{ signal: 'queue_depth', service: 'api', value: 3 }],
          events: [{ service: 'payments', type: 'TimeoutError' }],
        },
      });
      expect(answer.status).toBe(200);
      // The store's reader connection sees committed data only (DuckDB MVCC).
      const seen = await durable.store.readWindows([{ fromMs: nowMs - 1, toMs: nowMs + 1 }]);
      expect(seen.map((w) => w.values)).toEqual([[3]]);
    } finally {
      await durable.close();
    }
    const reopened = await openDuckDbStore(options);
    try {
      expect(await reopened.listSeries()).toMatchObject([
        { signal: 'queue_depth', service: 'api', samples: 1 },
      ]);
      expect(await reopened.countErrorEvents({ activeSinceMs: 0, fromMs: 0, toMs: nowMs })).toEqual([
        { service: 'payments', count: 1 },
      ]);
    } finally {
      await reopened.close();
      temp.cleanup();
    }
  });
});

describe('without a push source', () => {
  it('answers POST /api/v1/ingest 404, saying what to configure', async () => {
    const plain = await startTestApp({
      yaml: [
        'sources: [{ name: demo, type: scrape, url: "http://127.0.0.1:1/metrics" }]',
        'signals: [{ name: error_ratio, type: ratio, numerator: a_total, denominator: b_total }]',
      ].join('\n'),
    });
    try {
      const answer = await call(plain.base, '/api/v1/ingest', { method: 'POST', body: { events: [] } });
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toBe(
        'no push source is configured (add one of type push to sources)',
      );
    } finally {
      await plain.close();
    }
  });
});
