import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsApp, TOKENS, type ActionsApp } from './actions-test-app.js';
import { call } from './test-app.js';

let env: ActionsApp;
beforeAll(async () => {
  env = await startActionsApp('actions: { rateLimit: { perSecond: 0.01, burst: 2 } }');
});
afterAll(() => env.app.close());

describe('write rate limit', () => {
  it('answers 429 with Retry-After once a token has used its burst of writes, and reads go on', async () => {
    const ack = () =>
      call(env.app.base, `/api/v1/anomalies/${env.anomalyIds.payments}/ack`, {
        method: 'POST',
        token: TOKENS.operator,
        body: {},
      });
    expect((await ack()).status).toBe(200);
    expect((await ack()).status).toBe(200);
    const limited = await ack();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(env.app.base, '/api/v1/audit', { token: TOKENS.operator })).status).toBe(200);
  });
});
