import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestApp, type TestApp } from './test-app.js';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const NOW = T0 + 120 * MINUTE;
let app: TestApp;

const get = (path: string) => call(app.base, path);
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  app = await startTestApp({ clock: () => NOW });
  // queue_depth for checkout: one sample a minute for two hours, valued by its minute.
  await app.store.writeSamples([
    ...Array.from({ length: 120 }, (_, m) => ({
      signal: 'queue_depth',
      service: 'checkout',
      timestampMs: T0 + m * MINUTE,
      value: m,
    })),
    { signal: 'queue_depth', service: 'search', timestampMs: T0 + 100 * MINUTE, value: 999 },
  ]);
});
afterAll(() => app.close());

describe('GET /api/v1/signals/:signal/values', () => {
  it('serves the last hour of raw samples by default, of that series only', async () => {
    const { status, body } = await get('/api/v1/signals/queue_depth/values?service=checkout');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      signal: 'queue_depth',
      service: 'checkout',
      from: iso(NOW - 60 * MINUTE),
      to: iso(NOW),
      samples: 60,
      step: null,
    });
    expect(body.points).toHaveLength(60);
    expect(body.points[0]).toEqual({ time: iso(T0 + 60 * MINUTE), value: 60, min: 60, max: 60 });
    expect(body.points.at(-1).value).toBe(119);
  });

  it('averages into steps when the range holds more than maxPoints samples', async () => {
    const { body } = await get(
      `/api/v1/signals/queue_depth/values?service=checkout&from=${T0 / 1000}&to=${iso(NOW)}&maxPoints=13`,
    );
    expect(body.samples).toBe(120);
    expect(body.step).toBe('10m');
    expect(body.points).toHaveLength(12);
    expect(body.points[1]).toEqual({ time: iso(T0 + 10 * MINUTE), value: 14.5, min: 10, max: 19 });
  });

  it('reaches `span` back from `to` when no `from` is given', async () => {
    const { body } = await get(
      `/api/v1/signals/queue_depth/values?service=checkout&span=15m&to=${iso(T0 + 30 * MINUTE)}`,
    );
    expect([body.from, body.samples, body.points[0].value]).toEqual([iso(T0 + 15 * MINUTE), 15, 15]);
  });

  it.each([
    ['', 'service'],
    ['?service=checkout&maxPoints=1', 'maxPoints'],
    ['?service=checkout&maxPoints=many', 'maxPoints'],
    ['?service=checkout&to=yesterday', 'to'],
    [`?service=checkout&from=${iso(NOW)}&to=${iso(T0)}`, 'from'],
    [`?service=checkout&from=${iso(NOW + MINUTE)}`, 'from'],
    ['?service=checkout&limit=5', 'limit'],
    ['?service=checkout&span=an hour', 'span'],
    [`?service=checkout&span=1h&from=${iso(T0)}`, 'span'],
  ])('answers %s with a 400 naming %s', async (query, parameter) => {
    const { status, body } = await get(`/api/v1/signals/queue_depth/values${query}`);
    expect(status).toBe(400);
    expect(body.error.details).toEqual({ parameter });
    expect(body.error.message).toContain(parameter);
  });

  it('answers 400 for an over-long signal and 404 for a series the store never had', async () => {
    const long = await get(`/api/v1/signals/${'s'.repeat(201)}/values?service=checkout`);
    expect([long.status, long.body.error.details]).toEqual([400, { parameter: 'signal' }]);
    const unknown = await get('/api/v1/signals/queue_depth/values?service=nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'no series queue_depth/nowhere: the store has never had a sample of it',
    );
    const empty = await get(`/api/v1/signals/queue_depth/values?service=search&to=${iso(T0 + MINUTE)}`);
    expect([empty.status, empty.body.samples, empty.body.points]).toEqual([200, 0, []]);
  });

  it('is described in the OpenAPI document with its parameters', async () => {
    const { body } = await get('/api/v1/openapi.json');
    const parameters = body.paths['/api/v1/signals/{signal}/values'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(parameters).toEqual(['signal', 'service', 'from', 'to', 'span', 'maxPoints']);
  });
});
