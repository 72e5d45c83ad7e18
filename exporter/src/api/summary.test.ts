import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelfMetrics } from '../exposition/self-metrics.js';
import type { SeriesScore } from '../scores/series-score.js';
import type { SummaryResponse } from './contract.js';
import { startTestApp, type TestApp } from './test-app.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const band = { point: 0.01, lower_80: 0, upper_80: 0.02, lower_95: 0, upper_95: 0.03 };

function score(service: string, severity: number, breach: number | null): SeriesScore {
  return {
    signal: 'error_ratio',
    service,
    value: 0.04,
    threshold: 0.05,
    lastSampleMs: NOW,
    stale: false,
    warming: false,
    anomaly: { score: severity > 0 ? 0.9995 : 0.3, active: severity > 0, severity, expected: band },
    forecast:
      breach === null
        ? undefined
        : {
            model: 'median_combination',
            fromMs: NOW,
            threshold: 0.05,
            thresholdLearned: false,
            expected: band,
            horizons: [
              { horizon: '15m', band, warming: false, breachProbability: breach / 2 },
              { horizon: '1h', band, warming: false, breachProbability: breach },
            ],
            timeToBreachSeconds: null,
            warming: false,
            expectedWarming: false,
          },
  };
}

const self = new SelfMetrics({ processMetrics: false });
const latest = {
  scores: [score('payments', 3, 0.9), score('catalog', 2, 0.2), score('frontend', 0, null)],
};
let app: TestApp;
let base: string;

beforeAll(async () => {
  self.registerModel('tail_ensemble');
  self.modelRunSuccess.set({ model: 'rca_combined' }, 0);
  app = await startTestApp({
    latest,
    self,
    sourceHealth: new Map([['demo', { up: true, lastError: undefined, lastSuccessMs: NOW }]]),
    clock: () => NOW,
  });
  base = app.base;
  await app.store.writeIncidents([
    {
      state: 'open',
      openedAtMs: NOW - 600_000,
      lastAnomalyMs: NOW - 60_000,
      resolvedAtMs: null,
      severity: 'high',
      symptom: { signal: 'error_ratio', service: 'payments' },
      anomalies: [],
    },
  ]);
});
afterAll(() => app.close());

describe('GET /api/v1/summary', () => {
  it('answers the overview in one call', async () => {
    const response = await fetch(`${base}/api/v1/summary`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SummaryResponse;
    expect(body.generatedAt).toBe('2026-01-01T12:00:00.000Z');
    expect(body.anomalies).toEqual({ active: 2, bySeverity: { low: 0, medium: 1, high: 1, critical: 0 } });
    expect(body.breaches).toEqual([
      {
        signal: 'error_ratio',
        service: 'payments',
        horizon: '1h',
        probability: 0.9,
        value: 0.04,
        threshold: 0.05,
      },
      {
        signal: 'error_ratio',
        service: 'catalog',
        horizon: '1h',
        probability: 0.2,
        value: 0.04,
        threshold: 0.05,
      },
    ]);
    expect(body.incidents.open).toBe(1);
    expect(body.incidents.items[0]).toMatchObject({ state: 'open', symptom: { service: 'payments' } });
    expect(body.actions).toEqual({
      available: false,
      last24h: {
        total: 0,
        byResult: { success: 0, failure: 0, timeout: 0, refused: 0, pending_approval: 0 },
      },
    });
    expect(body.models).toEqual([
      { model: 'rca_combined', success: false },
      { model: 'tail_ensemble', success: true },
    ]);
    expect(body.health.status).toBe('critical');
    expect(body.health.reasons.map((r) => r.code)).toEqual([
      'incident_open',
      'model_failing',
      'breach_likely',
      'anomalies_active',
    ]);
    expect(body.health.score).toBe(100 - 20 - 10 - 9 - 6);
  });

  it('is in the OpenAPI document', async () => {
    const body = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    };
    expect(body.paths['/api/v1/summary']?.get.responses['200']).toBeDefined();
  });
});
