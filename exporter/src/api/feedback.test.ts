import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsApp, TOKENS, type ActionsApp } from './actions-test-app.js';
import { call } from './test-app.js';

let env: ActionsApp;
beforeAll(async () => {
  env = await startActionsApp('feedback: { lookback: 1h, factor: 10, maxSteps: 2 }');
});
afterAll(() => env.app.close());

const post = (path: string, body: unknown, token = TOKENS.operator, user?: string) =>
  call(env.app.base, path, {
    method: 'POST',
    token,
    body,
    headers: user ? { 'x-grafana-user': user } : {},
  });

describe('POST /api/v1/anomalies/:id/ack', () => {
  it('acknowledges once, keeps the first actor, and audits both calls with the Grafana user', async () => {
    const id = env.anomalyIds.payments!;
    const first = await post(`/api/v1/anomalies/${id}/ack`, { note: 'looking' }, TOKENS.operator, 'alice');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ anomalyId: id, acknowledgedBy: 'alice', alreadyAcknowledged: false });
    const again = await post(`/api/v1/anomalies/${id}/ack`, {}, TOKENS.operator, 'bob');
    expect(again.body).toMatchObject({ acknowledgedBy: 'alice', alreadyAcknowledged: true });

    const audit = await call(env.app.base, '/api/v1/audit?action=anomaly.ack', { token: TOKENS.viewer });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((row: { actor: string; result: string }) => [row.actor, row.result])).toEqual(
      [
        ['bob', 'already_acknowledged'],
        ['alice', 'success'],
      ],
    );
    expect(audit.body.items[1]).toMatchObject({ target: `anomaly:${id}`, parameters: { note: 'looking' } });
  });

  it('shows who acknowledged each anomaly in GET /api/v1/anomalies', async () => {
    const { body } = await call(env.app.base, '/api/v1/anomalies', { token: TOKENS.viewer });
    const byService = Object.fromEntries(
      body.items.map((item: { service: string; acknowledgement: unknown }) => [
        item.service,
        item.acknowledgement,
      ]),
    );
    expect(byService).toEqual({ payments: { by: 'alice', at: expect.any(String) }, catalog: null });
  });

  it('answers 404 for an unknown anomaly, and audits that too', async () => {
    const missing = await post('/api/v1/anomalies/987654/ack', {}, TOKENS.operator, 'carol');
    expect(missing.status).toBe(404);
    const audit = await call(env.app.base, '/api/v1/audit?actor=carol', { token: TOKENS.viewer });
    expect(audit.body.items).toMatchObject([{ action: 'anomaly.ack', result: 'not_found' }]);
  });

  it('refuses a viewer with a clear 403 on every write', async () => {
    const id = env.anomalyIds.catalog!;
    for (const path of [`/api/v1/anomalies/${id}/ack`, `/api/v1/anomalies/${id}/feedback`]) {
      const refused = await post(path, { verdict: 'true_positive' }, TOKENS.viewer);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('the viewer role may not do this; it needs operator or admin');
    }
  });
});

describe('POST /api/v1/anomalies/:id/feedback', () => {
  it('stores verdicts, counts them, publishes precision and raises the series’ bar on a false positive', async () => {
    const id = env.anomalyIds.catalog!;
    const fp = await post(`/api/v1/anomalies/${id}/feedback`, { verdict: 'false_positive', note: 'deploy' });
    expect(fp.status).toBe(200);
    expect(fp.body).toMatchObject({ anomalyId: id, verdict: 'false_positive', givenBy: 'auth.tokens[1]' });
    expect(fp.body.activeAt).toBeCloseTo(0.9995, 10);
    expect(env.setup.sensitivity.activeAt('error_ratio', 'catalog', Date.now())).toBeCloseTo(0.9995, 10);
    expect(env.setup.sensitivity.activeAt('error_ratio', 'payments', Date.now())).toBe(0.995);

    const tp = await post(`/api/v1/anomalies/${env.anomalyIds.payments}/feedback`, {
      verdict: 'true_positive',
    });
    expect(tp.body.activeAt).toBe(0.995);
    const metrics = await env.metrics();
    expect(metrics).toContain('omen_feedback_total{verdict="false_positive"} 1');
    expect(metrics).toContain('omen_feedback_total{verdict="true_positive"} 1');
    expect(metrics).toContain('omen_model_feedback_precision{model="tail_ensemble"} 0.5');

    const audit = await call(env.app.base, '/api/v1/audit?action=anomaly.feedback&limit=1', {
      token: TOKENS.viewer,
    });
    expect(audit.body.items).toMatchObject([{ result: 'success', parameters: { verdict: 'true_positive' } }]);
    expect(audit.body.nextCursor).toEqual(expect.any(String));
    const next = await call(
      env.app.base,
      `/api/v1/audit?action=anomaly.feedback&limit=1&cursor=${audit.body.nextCursor}`,
      {
        token: TOKENS.viewer,
      },
    );
    expect(next.body.items).toMatchObject([{ parameters: { verdict: 'false_positive', note: 'deploy' } }]);
  });

  it('names the bad field of an invalid body', async () => {
    const bad = await post(`/api/v1/anomalies/${env.anomalyIds.catalog}/feedback`, { verdict: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual({ field: 'verdict' });
    const cursor = await call(env.app.base, '/api/v1/audit?cursor=a1.MTIzLjQ1', { token: TOKENS.viewer });
    expect(cursor.status).toBe(400);
  });
});
