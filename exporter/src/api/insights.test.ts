import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesScore } from '../scores/series-score.js';
import type { AnomalyRecord } from '../store/store.js';
import type { InsightsResponse } from './contract.js';
import { startTestApp, type TestApp } from './test-app.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 0, 1, 2);

let app: TestApp;
let base: string;
const latest: { scores: SeriesScore[] } = {
  scores: [
    {
      signal: 'error_ratio',
      service: 'payments',
      value: 0.03,
      threshold: 0.05,
      lastSampleMs: NOW,
      stale: false,
      warming: false,
      anomaly: undefined,
    },
  ],
};

const anomaly = (minute: number): AnomalyRecord => ({
  signal: 'latency',
  service: 'search',
  timestampMs: NOW - minute * MIN,
  score: 0.999,
  severity: 'high',
  value: 1,
  expected: 0.2,
  lower: 0,
  upper: 0.4,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'spike',
});

beforeAll(async () => {
  app = await startTestApp({
    yaml: [
      'pipeline: { interval: 1m }',
      'sources: [{ name: demo, type: scrape, url: "http://127.0.0.1:1/metrics", rateWindow: 5m }]',
      'signals: [{ name: error_ratio, type: ratio, numerator: a_total, denominator: b_total }]',
    ].join('\n'),
    latest,
    clock: () => NOW,
  });
  const store = app.store;
  // payments' error ratio: 0.02 the hour before, 0.03 the last hour (a sample a minute).
  const samples = [];
  for (let m = 1; m <= 120; m += 1)
    samples.push({
      signal: 'error_ratio',
      service: 'payments',
      timestampMs: NOW - m * MIN,
      value: m > 60 ? 0.02 : 0.03,
    });
  await store.writeSamples(samples);
  // search: anomalous 30 times in the last hour, of 60 points.
  await store.writeAnomalies(Array.from({ length: 30 }, (_, i) => anomaly(2 * i + 1)));
  base = app.base;
});
afterAll(() => app.close());

describe('GET /api/v1/insights', () => {
  it('ranks trend, capacity and noisy findings from the store, each with its evidence', async () => {
    const response = await fetch(`${base}/api/v1/insights?period=1h`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as InsightsResponse;
    expect(body.period).toBe('1h');
    expect(body.items.map((i) => [i.kind, i.service])).toEqual([
      ['noisy', 'search'],
      ['capacity', 'payments'],
      ['trend', 'payments'],
    ]);
    expect(body.items[1]!.title).toBe(
      'error_ratio of payments reaches its threshold 0.05 in about 2 hours at the current trend',
    );
    expect(body.items[2]!.title).toBe(
      'error_ratio of payments is up 50% over the last 1h against the 1h before (0.02 → 0.03)',
    );
    expect(body.items[0]!.evidence).toMatch(/^\/api\/v1\/anomalies\?signal=latency&service=search&from=/);
    const limited = (await (
      await fetch(`${base}/api/v1/insights?period=1h&limit=1`)
    ).json()) as InsightsResponse;
    expect(limited.items).toHaveLength(1);
  });

  it('answers 400 for a bad period', async () => {
    const response = await fetch(`${base}/api/v1/insights?period=soon`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toEqual({
      parameter: 'period',
    });
  });
});
