import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { createLogger } from '../log/logger.js';
import { ForecastBook } from '../pipeline/forecast-book.js';
import { resolveForecastSettings, type ForecastSettings } from '../pipeline/forecast-settings.js';
import { fitSeries } from '../pipeline/series-forecast.js';
import { ScoreSnapshot } from '../scores/snapshot.js';
import type { SeriesScore } from '../scores/series-score.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

const config = parseConfig(
  [
    'forecast: { step: 1m, horizons: [5m, 15m], minSteps: 40 }',
    'sources: [{ name: demo, type: scrape, url: "http://127.0.0.1:1/metrics" }]',
    'signals: [{ name: error_ratio, type: ratio, numerator: a_total, denominator: b_total, threshold: 0.05 }]',
  ].join('\n'),
  'test.yaml',
);
const settings = resolveForecastSettings(config) as ForecastSettings;
const T0 = Date.UTC(2026, 0, 1);
const book = new ForecastBook();
const latest: { scores: SeriesScore[] } = { scores: [] };
let store: Store;
let server: Server;
let base: string;

function fitted(service: string) {
  const startsMs = Array.from({ length: 120 }, (_, i) => T0 + i * 60_000);
  const result = fitSeries(
    settings,
    {
      signal: 'error_ratio',
      service,
      stepMs: 60_000,
      startsMs,
      means: startsMs.map((_, i) => 0.01 + 0.001 * Math.sin(i)),
      counts: startsMs.map(() => 4),
      lastSampleMs: (startsMs.at(-1) as number) + 30_000,
    },
    { threshold: 0.05, period: null, nowMs: T0 + 120 * 60_000 },
  );
  if (result.kind !== 'fitted') throw new Error('expected a fit');
  book.set(result.forecast);
  return result.forecast;
}

function score(service: string, stale: boolean): SeriesScore {
  return {
    signal: 'error_ratio',
    service,
    value: 0.01,
    threshold: 0.05,
    lastSampleMs: T0,
    stale,
    warming: false,
    anomaly: undefined,
    forecast: stale ? undefined : book.get('error_ratio', service)?.view,
  };
}

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  store = await openMemoryStore();
  fitted('payments');
  fitted('catalog');
  latest.scores = [score('payments', false), score('catalog', true)];
  const app = createApp({
    config,
    store,
    snapshot: new ScoreSnapshot(),
    self: new SelfMetrics({ processMetrics: false }),
    sourceHealth: new Map(),
    latest,
    forecasts: { book, settings },
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

describe('GET /api/v1/forecasts', () => {
  it('serves the path step by step from the step now filling, and each horizon', async () => {
    const { status, body } = await get('/api/v1/forecasts?signal=error_ratio&service=payments');
    expect(status).toBe(200);
    expect(body).toMatchObject({ signal: 'error_ratio', service: 'payments', step: '1m', threshold: 0.05 });
    expect(body.path).toHaveLength(15);
    expect(body.path[0].time).toBe(new Date(T0 + 119 * 60_000).toISOString());
    expect(body.path[1].time).toBe(new Date(T0 + 120 * 60_000).toISOString());
    for (const step of body.path) {
      expect(step.lower_95).toBeLessThanOrEqual(step.lower_80);
      expect(step.upper_80).toBeLessThanOrEqual(step.upper_95);
    }
    expect(body.horizons.map((h: { horizon: string }) => h.horizon)).toEqual(['5m', '15m']);
    expect(body.horizons[1].point).toBe(body.path[14].point);
  });

  it('answers 404 for a stale or unknown series, and 400 naming a missing parameter', async () => {
    const stale = await get('/api/v1/forecasts?signal=error_ratio&service=catalog');
    expect(stale.status).toBe(404);
    expect(stale.body.error.message).toContain('stale');
    expect((await get('/api/v1/forecasts?signal=error_ratio&service=nope')).status).toBe(404);
    const bad = await get('/api/v1/forecasts?signal=error_ratio');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('service');
  });

  it('says which series carry a forecast in /api/v1/signals', async () => {
    const { body } = await get('/api/v1/signals');
    const payments = body.signals[0].series.find((s: { service: string }) => s.service === 'payments');
    expect(payments.breach.map((b: { horizon: string }) => b.horizon)).toEqual(['5m', '15m']);
    expect(payments.threshold).toBe(0.05);
  });
});
