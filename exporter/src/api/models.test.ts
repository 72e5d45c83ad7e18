import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { JobQueue } from '../jobs/job-queue.js';
import { OnDemandAnalysis } from '../pipeline/analysis.js';
import { newLiveQuality } from '../pipeline/drift.js';
import { ForecastBook } from '../pipeline/forecast-book.js';
import { resolveForecastSettings, type ForecastSettings } from '../pipeline/forecast-settings.js';
import { ModelLifecycle, modelId, type LiveModel } from '../pipeline/model-lifecycle.js';
import { ModelRetrain } from '../pipeline/model-retrain.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { CatalogModel, SeriesKey } from '../store/store.js';
import { ApiTokens } from './auth.js';
import { call, PUSH_CONFIG, startTestApp, type TestApp, waitForJob as waitForJobIn } from './test-app.js';

const TOKENS = { viewer: 'viewer-token-0123456789', admin: 'admin-token-0123456789' };
const AUTH = {
  tokens: [
    { role: 'viewer' as const, env: 'V' },
    { role: 'admin' as const, env: 'A' },
  ],
};
const T0 = Date.UTC(2026, 2, 1, 12);
const settings = resolveForecastSettings(parseConfig(PUSH_CONFIG, 'test.yaml')) as ForecastSettings;

function catalogued(service: string, signal = 'error_ratio', model = 'ets'): CatalogModel {
  return {
    id: modelId(model, { signal, service }),
    model,
    signal,
    service,
    version: 3,
    params: { period: 288 },
    trainedAtMs: T0,
    samples: 2016,
    quality: { mase: 0.7, brier: 0.03 },
    reason: 'drift',
  };
}
const MODELS = [catalogued('payments'), catalogued('catalog'), catalogued('payments', 'latency_p99')];
const PAYMENTS = MODELS[0] as CatalogModel;

/** What the pipeline knows of payments' error ratio since its last fit. */
const live: LiveModel = {
  signal: 'error_ratio',
  service: 'payments',
  id: PAYMENTS.id,
  version: 3,
  trainedAtMs: T0,
  quality: { oneStepError: 0.01, mase: 0.7, brier: 0.03 },
  live: { ...newLiveQuality(), steps: 10, inside80: 8, inside95: 10, recentSum: 0.02, recentWeight: 1 },
  pending: null,
};

let app: TestApp;
const queue = new JobQueue();
/** Retrains wait for the test to let them go, so a second request finds the first running. */
let release: () => void = () => undefined;
let runs = 0;

beforeAll(async () => {
  const store = await openDuckDbStore({ path: ':memory:', memoryLimit: '256MB', threads: 1 });
  await store.recordTraining(MODELS, []);
  // The real lifecycle, over a book with no forecasts (as right after a restart).
  const lifecycle = new ModelLifecycle(store, new ForecastBook(), settings);
  const retrain = new ModelRetrain(
    lifecycle,
    async () => undefined,
    () => T0 + 60_000,
  );
  app = await startTestApp({
    store,
    tokens: ApiTokens.load(AUTH, { V: TOKENS.viewer, A: TOKENS.admin }),
    // GET /api/v1/jobs/:id is the jobs router's, over the same queue.
    jobs: { queue, analysis: new OnDemandAnalysis(async () => undefined, { scores: [] }) },
    models: {
      store,
      queue,
      lifecycle: {
        get: (key: SeriesKey) =>
          key.signal === 'error_ratio' && key.service === 'payments' ? live : undefined,
      },
      retrain: {
        run: async (model, actor) => {
          runs += 1;
          await new Promise<void>((resolve) => (release = resolve));
          return retrain.run(model, actor);
        },
      },
    },
  });
});
afterAll(async () => {
  release();
  await queue.drain();
  await app.close();
});

const waitForJob = (id: string) => waitForJobIn(app.base, id, TOKENS.viewer);

describe('GET /api/v1/models', () => {
  it('lists the catalog with backtest quality and live state, filtered and paginated', async () => {
    const all = await call(app.base, '/api/v1/models', { token: TOKENS.viewer });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(3);
    const payments = all.body.items.find((m: { id: string }) => m.id === PAYMENTS.id);
    expect(payments).toEqual({
      id: PAYMENTS.id,
      model: 'ets',
      signal: 'error_ratio',
      service: 'payments',
      version: 3,
      params: { period: 288 },
      trainedAt: new Date(T0).toISOString(),
      samples: 2016,
      reason: 'drift',
      backtest: { mase: 0.7, brier: 0.03 },
      live: {
        steps: 10,
        recentError: 0.02,
        trainingError: 0.01,
        coverage80: 0.8,
        coverage95: 1,
        refitPending: null,
      },
      history: [],
    });
    expect(all.body.items.find((m: { service: string }) => m.service === 'catalog').live).toBeNull();

    const filtered = await call(app.base, '/api/v1/models?service=payments&signal=latency_p99', {
      token: TOKENS.viewer,
    });
    expect(filtered.body.items.map((m: { signal: string }) => m.signal)).toEqual(['latency_p99']);

    const first = await call(app.base, '/api/v1/models?limit=2', { token: TOKENS.viewer });
    expect(first.body.items).toHaveLength(2);
    const rest = await call(
      app.base,
      `/api/v1/models?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: TOKENS.viewer },
    );
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect(rest.body.items).toHaveLength(1);
  });

  it('refuses a bad cursor, an unknown parameter and an anonymous caller clearly', async () => {
    const cursor = await call(app.base, '/api/v1/models?cursor=abc', { token: TOKENS.viewer });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details).toEqual({ parameter: 'cursor' });
    const unknown = await call(app.base, '/api/v1/models?services=x', { token: TOKENS.viewer });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('unknown query parameter: services');
    expect((await call(app.base, '/api/v1/models')).status).toBe(401);
  });
});

describe('POST /api/v1/models/:id/retrain', () => {
  it('answers 202 with a job, joins a retrain of the same id, and records who asked', async () => {
    const path = `/api/v1/models/${PAYMENTS.id}/retrain`;
    const asked = { method: 'POST', token: TOKENS.admin, headers: { 'x-grafana-user': 'alice' } };
    const first = await call(app.base, path, asked);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ coalesced: false, job: { kind: 'retrain', state: 'running' } });
    expect(first.headers.get('location')).toBe(`/api/v1/jobs/${first.body.job.id}`);
    const repeat = await call(app.base, path, asked);
    expect(repeat.body).toMatchObject({ coalesced: true, job: { id: first.body.job.id } });
    expect(runs).toBe(1);

    release();
    const job = await waitForJob(first.body.job.id);
    expect(job).toMatchObject({
      state: 'succeeded',
      submittedBy: 'alice',
      params: { model: PAYMENTS.id },
      result: { id: PAYMENTS.id, refitted: false, version: 3 },
    });
    const listed = await call(app.base, '/api/v1/models?service=payments&signal=error_ratio', {
      token: TOKENS.viewer,
    });
    expect(listed.body.items[0].history).toMatchObject([
      { event: 'retrain_requested', reason: 'manual', actor: 'alice', version: 3 },
    ]);
  });

  it('refuses a viewer and an unknown id', async () => {
    const path = `/api/v1/models/${PAYMENTS.id}/retrain`;
    expect((await call(app.base, path, { method: 'POST', token: TOKENS.viewer })).status).toBe(403);
    const unknown = await call(app.base, '/api/v1/models/0123456789abcdef/retrain', {
      method: 'POST',
      token: TOKENS.admin,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('no model 0123456789abcdef (GET /api/v1/models lists them)');
    const garbage = await call(app.base, '/api/v1/models/..%2F..%2Fetc/retrain', {
      method: 'POST',
      token: TOKENS.admin,
    });
    expect(garbage.status).toBe(404);
  });
});
