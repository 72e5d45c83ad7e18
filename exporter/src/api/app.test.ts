import { get as httpGet, type IncomingHttpHeaders, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { createLogger } from '../log/logger.js';
import type { SourceHealth } from '../pipeline/collect.js';
import { GzipMembers } from '../scores/gzip-members.js';
import { ScoreSnapshot } from '../scores/snapshot.js';
import type { SeriesScore } from '../scores/series-score.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { AnomalyRecord, Store } from '../store/store.js';
import { parseConfig } from '../config/load.js';
import { createApp } from './app.js';

const config = parseConfig(
  [
    'sources: [{ name: demo, type: scrape, url: "http://127.0.0.1:1/metrics" }]',
    'signals: [{ name: error_ratio, type: ratio, numerator: a_total, denominator: b_total, threshold: 0.05 }]',
  ].join('\n'),
  'test.yaml',
);

let store: Store;
let server: Server;
let base: string;
const health = new Map<string, SourceHealth>();
const latest: { scores: SeriesScore[] } = { scores: [] };
const snapshot = new ScoreSnapshot();

const anomaly = (service: string, minute: number, severity: AnomalyRecord['severity']): AnomalyRecord => ({
  signal: 'error_ratio',
  service,
  timestampMs: Date.UTC(2026, 0, 1, 0, minute),
  score: 0.999,
  severity,
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'rolling baseline, robust z 9.1',
});

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  return {
    status: response.status,
    body: (await response.json()) as any,
    type: response.headers.get('content-type'),
  };
}

/** fetch always asks for gzip and decodes it; this sends only the headers given. */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(`${base}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  store = await openDuckDbStore({ path: ':memory:', memoryLimit: '256MB', threads: 1 });
  await store.writeAnomalies([
    anomaly('payments', 1, 'low'),
    anomaly('payments', 2, 'critical'),
    anomaly('payments', 3, 'high'),
    anomaly('catalog', 4, 'medium'),
  ]);
  const app = createApp({
    config,
    store,
    snapshot,
    self: new SelfMetrics({ processMetrics: false }),
    sourceHealth: health,
    latest,
    logger: createLogger({ level: 'error', format: 'json' }),
    version: '0.0.0-test',
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

describe('API', () => {
  it('is alive, and ready only once a source is up', async () => {
    expect((await get('/healthz')).body).toEqual({ status: 'ok' });
    const notReady = await get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.sources.detail).toBe('no collection has finished yet');
    health.set('demo', { up: true, lastError: undefined, lastSuccessMs: 0 });
    expect((await get('/readyz')).status).toBe(200);
  });

  it('filters anomalies by service and severity, newest first', async () => {
    const { body } = await get('/api/v1/anomalies?service=payments&severity=high');
    expect(body.items.map((item: { severity: string }) => item.severity)).toEqual(['high', 'critical']);
    expect(body.items[0]).toMatchObject({ service: 'payments', time: '2026-01-01T00:03:00.000Z' });
  });

  it('filters by time range in RFC 3339 or Unix seconds', async () => {
    const from = Date.UTC(2026, 0, 1, 0, 2) / 1000;
    const { body } = await get(`/api/v1/anomalies?from=${from}&to=2026-01-01T00:03:30Z`);
    expect(body.items.map((item: { time: string }) => item.time)).toEqual([
      '2026-01-01T00:03:00.000Z',
      '2026-01-01T00:02:00.000Z',
    ]);
  });

  it('paginates without losing or repeating an anomaly', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
        `/api/v1/anomalies?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('answers bad parameters with a 400 that names them, in the one error shape', async () => {
    const limit = await get('/api/v1/anomalies?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.error).toMatchObject({ code: 'invalid_parameter', details: { parameter: 'limit' } });
    const severity = await get('/api/v1/anomalies?severity=urgent');
    expect(severity.body.error.message).toContain('"severity"');
    const unknown = await get('/api/v1/anomalies?servce=payments');
    expect(unknown.body.error.message).toBe('unknown query parameter: servce');
    const cursor = await get('/api/v1/anomalies?cursor=forged');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details).toEqual({ parameter: 'cursor' });
    const order = await get('/api/v1/anomalies?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(order.body.error.message).toContain('"from"');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const missing = await get('/api/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: 'not_found', message: 'no route for GET /api/v1/nothing' },
    });
  });

  it('lists signals with their series state', async () => {
    latest.scores = [
      {
        signal: 'error_ratio',
        service: 'payments',
        value: 0.3,
        threshold: 0.05,
        lastSampleMs: Date.UTC(2026, 0, 1),
        stale: false,
        warming: false,
        anomaly: {
          score: 0.9999,
          active: true,
          severity: 4,
          expected: { point: 0, lower_80: 0, upper_80: 0, lower_95: 0, upper_95: 0 },
        },
      },
    ];
    const { body } = await get('/api/v1/signals');
    expect(body.signals[0]).toMatchObject({ name: 'error_ratio', threshold: 0.05, season: 'auto' });
    expect(body.signals[0].series[0]).toMatchObject({
      service: 'payments',
      anomalyActive: true,
      anomalyScore: 0.9999,
    });
  });

  it('serves an OpenAPI document generated from the contract', async () => {
    const { body } = await get('/api/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    const parameters = body.paths['/api/v1/anomalies'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(['service', 'signal', 'from', 'to', 'severity', 'limit', 'cursor']);
  });

  it('serves the snapshot on /metrics in the Prometheus text format', async () => {
    snapshot.publish('omen_series_tracked 1\n', 0);
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('omen_series_tracked 1\n');
  });

  it('gzips /metrics for a scraper that asks, scores and self metrics decoding as one body', async () => {
    snapshot.publish('omen_series_tracked 2\n', 0);
    const gzipped = await rawGet('/metrics', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    const text = gunzipSync(gzipped.body).toString('utf8');
    expect(text).toMatch(/^omen_series_tracked 2\n/);
    expect(text).toContain('# TYPE omen_cycle_duration_seconds');
    const plain = await rawGet('/metrics', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(text);
  });

  it('sends megabytes of scores decompressed, whole, to a scraper that does not take gzip', async () => {
    // Many gzip members (one per 256 KiB of text), as 10 000 series make.
    const lines = Array.from({ length: 60_000 }, (_, i) => `omen_x{service="s-${i}",é="€"} ${i / 7}\n`);
    const members = new GzipMembers();
    for (const line of lines) members.write(line);
    snapshot.publish(members.finish(), 0);
    expect(snapshot.current().members.length).toBeGreaterThan(5);
    const plain = await rawGet('/metrics', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    const text = plain.body.toString('utf8');
    expect(text.startsWith(lines.join(''))).toBe(true);
    expect(text).toContain('# TYPE omen_cycle_duration_seconds');
    const gzipped = await rawGet('/metrics', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(text);
  });
});
