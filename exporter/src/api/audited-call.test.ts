import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../jobs/job-queue.js';
import { OnDemandAnalysis } from '../pipeline/analysis.js';
import { startActionsApp, TOKENS, type ActionsApp } from './actions-test-app.js';
import { call } from './test-app.js';

let env: ActionsApp;
const queue = new JobQueue();
beforeAll(async () => {
  const latest = { scores: [] };
  env = await startActionsApp('', {
    jobs: { queue, analysis: new OnDemandAnalysis(async () => {}, latest) },
  });
});
afterAll(async () => {
  await queue.drain();
  await env.app.close();
});

describe('admin calls in the audit trail', () => {
  it('audits an analysis request, and a refused one, with the actor', async () => {
    const started = await call(env.app.base, '/api/v1/analysis', {
      method: 'POST',
      token: TOKENS.admin,
      body: {},
      headers: { 'x-grafana-user': 'root' },
    });
    expect(started.status).toBe(202);
    const refused = await call(env.app.base, '/api/v1/analysis', {
      method: 'POST',
      token: TOKENS.operator,
      body: {},
    });
    expect(refused.status).toBe(403);
    // The row is written once the answer is sent: wait for it.
    let items: { actor: string; result: string }[] = [];
    for (let attempt = 0; attempt < 50 && items.length < 2; attempt += 1) {
      const audit = await call(env.app.base, '/api/v1/audit?action=analysis.run', { token: TOKENS.viewer });
      items = audit.body.items;
      if (items.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(items.map((row) => [row.actor, row.result])).toEqual([
      ['auth.tokens[1]', 'forbidden'],
      ['root', 'accepted'],
    ]);
  });
});
