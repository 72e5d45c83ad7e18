import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../jobs/job-queue.js';
import { OnDemandAnalysis } from '../pipeline/analysis.js';
import type { SeriesScore } from '../scores/series-score.js';
import { ApiTokens } from './auth.js';
import { call, startTestApp, type TestApp, waitForJob as waitForJobIn } from './test-app.js';

const TOKENS = { viewer: 'viewer-token-0123456789', admin: 'admin-token-0123456789' };
const AUTH = {
  tokens: [
    { role: 'viewer' as const, env: 'V' },
    { role: 'admin' as const, env: 'A' },
  ],
};

function score(service: string, active: boolean, warming = false): SeriesScore {
  return {
    signal: 'error_ratio',
    service,
    value: 0.1,
    threshold: 0.05,
    lastSampleMs: 0,
    stale: false,
    warming,
    anomaly: {
      score: active ? 0.999 : 0.2,
      active,
      severity: active ? 3 : 0,
      expected: { point: 0.01, lower_80: 0, upper_80: 0.02, lower_95: 0, upper_95: 0.03 },
    },
  };
}

/** A pipeline cycle the test lets finish: it publishes scores as a real one does. */
let releaseCycle: () => void = () => undefined;
let cycles = 0;
const latest: { scores: SeriesScore[] } = { scores: [score('payments', false), score('catalog', false)] };
async function cycle(): Promise<void> {
  cycles += 1;
  await new Promise<void>((resolve) => (releaseCycle = resolve));
  latest.scores = [score('payments', true), score('catalog', false, true)];
}

let app: TestApp;
const queue = new JobQueue();

beforeAll(async () => {
  app = await startTestApp({
    tokens: ApiTokens.load(AUTH, { V: TOKENS.viewer, A: TOKENS.admin }),
    jobs: { queue, analysis: new OnDemandAnalysis(cycle, latest) },
  });
});
afterAll(async () => {
  releaseCycle();
  await queue.drain();
  await app.close();
});

const waitForJob = (id: string) => waitForJobIn(app.base, id, TOKENS.viewer);

describe('POST /api/v1/analysis and GET /api/v1/jobs/:id', () => {
  it('answers 202 with a running job, joins repeats, and reports the cycle’s findings', async () => {
    const first = await call(app.base, '/api/v1/analysis', { method: 'POST', token: TOKENS.admin, body: {} });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ coalesced: false, job: { kind: 'analysis', state: 'running' } });
    expect(first.headers.get('location')).toBe(`/api/v1/jobs/${first.body.job.id}`);
    const repeat = await call(app.base, '/api/v1/analysis', { method: 'POST', token: TOKENS.admin });
    expect(repeat.body).toMatchObject({ coalesced: true, job: { id: first.body.job.id } });

    releaseCycle();
    const job = await waitForJob(first.body.job.id);
    expect(cycles).toBe(1);
    expect(job).toMatchObject({
      state: 'succeeded',
      submittedBy: 'auth.tokens[1]',
      result: { service: null, series: 2, anomalous: 1, warming: 1, stale: 0 },
    });
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.submittedAt));
  });

  it('narrows the report to one service, named by the Grafana user who asked', async () => {
    const started = await call(app.base, '/api/v1/analysis', {
      method: 'POST',
      token: TOKENS.admin,
      body: { service: 'payments' },
      headers: { 'x-grafana-user': 'alice' },
    });
    expect(started.status).toBe(202);
    releaseCycle();
    const job = await waitForJob(started.body.job.id);
    expect(job).toMatchObject({ submittedBy: 'alice', params: { service: 'payments' } });
    expect(job.result).toMatchObject({ service: 'payments', series: 1, anomalous: 1 });
  });

  it('refuses a viewer, an unknown service, a bad body and an unknown job clearly', async () => {
    const viewer = await call(app.base, '/api/v1/analysis', {
      method: 'POST',
      token: TOKENS.viewer,
      body: {},
    });
    expect(viewer.status).toBe(403);
    const unknown = await call(app.base, '/api/v1/analysis', {
      method: 'POST',
      token: TOKENS.admin,
      body: { service: 'nope' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('unknown service "nope": Omen tracks no series of it');
    const bad = await call(app.base, '/api/v1/analysis', {
      method: 'POST',
      token: TOKENS.admin,
      body: { services: 'payments' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('services: unknown field');
    const missing = await call(app.base, '/api/v1/jobs/00000000-0000-4000-8000-000000000000', {
      token: TOKENS.viewer,
    });
    expect(missing.status).toBe(404);
    const garbage = await call(app.base, '/api/v1/jobs/../../etc', { token: TOKENS.viewer });
    expect(garbage.status).toBe(404);
  });
});
