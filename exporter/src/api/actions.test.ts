import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsApp, TOKENS, type ActionsApp } from './actions-test-app.js';
import { call } from './test-app.js';

const SECRET = 'webhook-signing-key-0123456789';

interface Received {
  path: string;
  body: unknown;
  signatureValid: boolean;
  idempotencyKey: string | undefined;
}

/** A receiver that checks the HMAC the way a real one would: over "<t>.<raw body>", in constant time, fresh. */
function verify(request: IncomingMessage, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-omen-signature'] ?? ''));
  if (!match) return false;
  const expected = createHmac('sha256', SECRET).update(`${match[1]}.${raw}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

const received: Received[] = [];
let flakyCalls = 0;
let receiver: Server;
let base: string;
let env: ActionsApp;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({
        path,
        body: JSON.parse(raw) as unknown,
        signatureValid: verify(request, raw),
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      });
      if (path === '/slow') return; // never answers: the execution must time out
      if (path === '/flaky' && (flakyCalls += 1) === 1) return void response.writeHead(503).end();
      if (path === '/redirect')
        return void response.writeHead(302, { location: 'http://example.com/' }).end();
      if (path === '/hook-slowly') return void setTimeout(() => response.writeHead(204).end(), 200);
      response.writeHead(204).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await new Promise((resolve) => receiver.once('listening', resolve));
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  const secretFile = join(mkdtempSync(join(tmpdir(), 'omen-actions-')), 'secret');
  writeFileSync(secretFile, `${SECRET}\n`);
  const hook = (id: string, path: string, extra = '') =>
    `    - { id: ${id}, title: ${id}, kind: webhook, url: "${base}${path}", secret: { file: "${secretFile}" }, backoff: 10ms${extra.includes('retries') ? '' : ', retries: 1'}${extra} }`;
  env = await startActionsApp(
    [
      'actions:',
      '  timeout: 2s',
      `  allowedUrls: ["${base}/"]`,
      '  rateLimit: { perSecond: 100, burst: 100 }',
      '  catalog:',
      hook(
        'page',
        '/hook',
        ', params: { n: { type: number, required: true } }, body: { text: "{{target.service}} by {{actor}}", n: "{{params.n}}", execution: "{{execution.id}}" }',
      ),
      hook('slow', '/slow', ', timeout: 300ms, retries: 0'),
      hook('flaky', '/flaky'),
      hook('bounce', '/redirect'),
      hook('slowly', '/hook-slowly'),
      hook('restart', '/hook', ', approval: true'),
      hook('admin_only', '/hook', ', role: admin'),
      '    - { id: ack, title: Acknowledge, kind: acknowledge }',
      '    - { id: payments_ack, title: Ack payments, kind: acknowledge, appliesTo: { services: [payments] } }',
    ].join('\n'),
  );
});
afterAll(async () => {
  await env.app.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

function execute(
  action: string,
  body: unknown,
  options: { key?: string; token?: string; user?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  if (options.user !== undefined) headers['x-grafana-user'] = options.user;
  return call(env.app.base, `/api/v1/actions/${action}/execute`, {
    method: 'POST',
    token: options.token ?? TOKENS.operator,
    body,
    headers,
  });
}

const auditOf = async (executionOrKey: string) => {
  const { body } = await call(env.app.base, '/api/v1/audit?limit=1000', { token: TOKENS.viewer });
  return (body.items as { target: string; parameters: { idempotencyKey?: string }; result: string }[]).filter(
    (row) => row.target === `execution:${executionOrKey}` || row.parameters.idempotencyKey === executionOrKey,
  );
};

describe('webhook action', () => {
  it('posts the templated body, signed with HMAC-SHA256 over timestamp and body', async () => {
    const anomalyId = env.anomalyIds.payments!;
    const done = await execute('page', { anomalyId, params: { n: 3 } }, { key: 'k-page', user: 'alice' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      replayed: false,
      execution: {
        action: 'page',
        state: 'success',
        requestedBy: 'alice',
        result: { status: 204, attempts: 1 },
      },
    });
    const hit = received.find((r) => r.path === '/hook')!;
    expect(hit.signatureValid).toBe(true);
    expect(hit.body).toEqual({ text: 'payments by alice', n: 3, execution: done.body.execution.id });
    expect(hit.idempotencyKey).toBe(done.body.execution.id);
    expect(await auditOf('k-page')).toMatchObject([{ result: 'success' }]);
  });

  it('times out on a receiver that never answers, and says so', async () => {
    const done = await execute('slow', { anomalyId: env.anomalyIds.payments }, { key: 'k-slow' });
    expect(done.body.execution).toMatchObject({
      state: 'timeout',
      error: expect.stringContaining('time limit'),
    });
    expect(await auditOf('k-slow')).toMatchObject([{ result: 'timeout' }]);
  });

  it('retries a 503 with backoff, and refuses to follow a redirect', async () => {
    const flaky = await execute('flaky', { anomalyId: env.anomalyIds.payments }, { key: 'k-flaky' });
    expect(flaky.body.execution).toMatchObject({ state: 'success', result: { attempts: 2 } });
    const bounce = await execute('bounce', { anomalyId: env.anomalyIds.payments }, { key: 'k-bounce' });
    expect(bounce.body.execution).toMatchObject({
      state: 'failure',
      result: { status: 302 },
      error: expect.stringContaining('redirects are not followed'),
    });
    expect(received.filter((r) => r.path === '/redirect')).toHaveLength(1);
    expect(await auditOf('k-bounce')).toMatchObject([{ result: 'failure' }]);
  });
});

describe('POST /api/v1/actions/:id/execute', () => {
  it('executes concurrent duplicates once and answers each with the same execution', async () => {
    const before = received.filter((r) => r.path === '/hook-slowly').length;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        execute('slowly', { anomalyId: env.anomalyIds.catalog }, { key: 'k-dup' }),
      ),
    );
    expect(received.filter((r) => r.path === '/hook-slowly').length - before).toBe(1);
    const ids = new Set(answers.map((answer) => answer.body.execution.id));
    expect(ids.size).toBe(1);
    expect(answers.every((answer) => answer.body.execution.state === 'success')).toBe(true);
    expect(answers.filter((answer) => answer.body.replayed)).toHaveLength(4);
    // Later, too: the key is stored, not only remembered while the request runs.
    const later = await execute('slowly', { anomalyId: env.anomalyIds.catalog }, { key: 'k-dup' });
    expect(later.body).toMatchObject({ replayed: true, execution: { id: [...ids][0], state: 'success' } });
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    const metrics = await env.metrics();
    expect(metrics).toContain('omen_action_executions_total{action="slowly",result="success"} 1');
  });

  it('refuses a reused key with a different request, a missing key, bad params and an unknown target', async () => {
    const other = await execute('slowly', { anomalyId: env.anomalyIds.payments }, { key: 'k-dup' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_conflict');
    const noKey = await execute('ack', { anomalyId: env.anomalyIds.payments });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.details).toEqual({ parameter: 'Idempotency-Key' });
    const missing = await execute('page', { anomalyId: env.anomalyIds.payments }, { key: 'k-bad-1' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      message: 'params.n: required',
      details: { field: 'params.n' },
    });
    const unknownParam = await execute(
      'ack',
      { anomalyId: env.anomalyIds.payments, params: { x: 1 } },
      { key: 'k-bad-2' },
    );
    expect(unknownParam.status).toBe(400);
    const both = await execute('ack', { anomalyId: '1', incidentId: '1' }, { key: 'k-bad-3' });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toBe('anomalyId: set exactly one of anomalyId or incidentId');
    const unknownTarget = await execute('ack', { anomalyId: '424242' }, { key: 'k-bad-4' });
    expect(unknownTarget.status).toBe(404);
    const unknownAction = await execute('nope', { anomalyId: env.anomalyIds.payments }, { key: 'k-bad-5' });
    expect(unknownAction.status).toBe(404);
    const notApplicable = await execute(
      'payments_ack',
      { anomalyId: env.anomalyIds.catalog },
      { key: 'k-bad-6' },
    );
    expect(notApplicable.status).toBe(409);
    expect(await auditOf('k-bad-6')).toMatchObject([{ result: 'not_applicable' }]);
    expect(await env.metrics()).toContain(
      'omen_action_executions_total{action="payments_ack",result="refused"} 1',
    );
  });

  it('refuses a viewer with a clear 403, and an operator on an admin-only action', async () => {
    const viewer = await execute(
      'ack',
      { anomalyId: env.anomalyIds.payments },
      { key: 'k-v', token: TOKENS.viewer },
    );
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.message).toBe('the viewer role may not do this; it needs operator or admin');
    const approve = await call(env.app.base, '/api/v1/executions/x/approve', {
      method: 'POST',
      token: TOKENS.viewer,
    });
    expect(approve.status).toBe(403);
    const operator = await execute('admin_only', { anomalyId: env.anomalyIds.payments }, { key: 'k-adm' });
    expect(operator.status).toBe(403);
    expect(await auditOf('k-adm')).toMatchObject([{ result: 'forbidden' }]);
    const admin = await execute(
      'admin_only',
      { anomalyId: env.anomalyIds.payments },
      { key: 'k-adm2', token: TOKENS.admin },
    );
    expect(admin.body.execution.state).toBe('success');
  });

  it('acknowledges the target’s anomalies through the acknowledge action', async () => {
    const done = await execute('ack', { anomalyId: env.anomalyIds.catalog }, { key: 'k-ack', user: 'dora' });
    expect(done.body.execution).toMatchObject({
      state: 'success',
      result: { acknowledged: 1, alreadyAcknowledged: 0 },
    });
    const ack = await call(env.app.base, `/api/v1/anomalies/${env.anomalyIds.catalog}/ack`, {
      method: 'POST',
      token: TOKENS.operator,
      body: {},
    });
    expect(ack.body).toMatchObject({ acknowledgedBy: 'dora', alreadyAcknowledged: true });
  });
});

describe('incident targets', () => {
  it('acknowledging an incident acknowledges its member anomalies', async () => {
    const [incidentId] = await env.app.store.writeIncidents([
      {
        state: 'open',
        openedAtMs: Date.UTC(2026, 0, 1),
        lastAnomalyMs: Date.UTC(2026, 0, 1),
        resolvedAtMs: null,
        severity: 'high',
        symptom: { signal: 'error_ratio', service: 'payments' },
        anomalies: [
          {
            signal: 'error_ratio',
            service: 'payments',
            model: 'tail_ensemble',
            timestampMs: Date.UTC(2026, 0, 1),
          },
        ],
      },
    ]);
    await env.app.store.writeIncidentAnalysis({
      incidentId: incidentId!,
      analysedAtMs: Date.UTC(2026, 0, 1),
      model: 'rca_combined',
      causes: [{ signal: 'error_ratio', service: 'payments', rank: 1, score: 0.6, evidence: {} }],
    });
    const listed = await call(env.app.base, `/api/v1/actions?incidentId=${incidentId}`, {
      token: TOKENS.viewer,
    });
    const byId = new Map(listed.body.actions.map((a: { id: string }) => [a.id, a]));
    expect(byId.get('payments_ack')).toMatchObject({
      applicable: true,
      recommendation: { score: 0.8, reason: 'acts on the likely cause error_ratio/payments' },
    });
    expect(byId.get('ack')).toMatchObject({ recommendation: { score: 0.1 } });
    const done = await execute('payments_ack', { incidentId }, { key: 'k-incident', user: 'erin' });
    expect(done.body.execution).toMatchObject({
      target: { kind: 'incident', id: incidentId },
      state: 'success',
      result: { acknowledged: 1 },
    });
    const ack = await call(env.app.base, `/api/v1/anomalies/${env.anomalyIds.payments}/ack`, {
      method: 'POST',
      token: TOKENS.operator,
      body: {},
    });
    expect(ack.body).toMatchObject({ acknowledgedBy: 'erin', alreadyAcknowledged: true });
  });
});

describe('approval', () => {
  it('waits for a second, different operator; the requester is refused', async () => {
    const asked = await execute(
      'restart',
      { anomalyId: env.anomalyIds.payments },
      { key: 'k-approve', user: 'alice' },
    );
    expect(asked.status).toBe(202);
    expect(asked.body.execution).toMatchObject({ state: 'pending_approval', requestedBy: 'alice' });
    const id = asked.body.execution.id as string;
    const approve = (user: string) =>
      call(env.app.base, `/api/v1/executions/${id}/approve`, {
        method: 'POST',
        token: TOKENS.operator,
        headers: { 'x-grafana-user': user },
      });
    const self = await approve('alice');
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/different operator/);
    const hooksBefore = received.filter((r) => r.path === '/hook').length;
    const other = await approve('bob');
    expect(other.status).toBe(200);
    expect(other.body.execution).toMatchObject({ state: 'success', approvedBy: 'bob', requestedBy: 'alice' });
    expect(received.filter((r) => r.path === '/hook').length).toBe(hooksBefore + 1);
    const twice = await approve('carol');
    expect(twice.status).toBe(409);
    const read = await call(env.app.base, `/api/v1/executions/${id}`, { token: TOKENS.viewer });
    expect(read.body.execution).toMatchObject({ state: 'success', approvedBy: 'bob' });
    const rows = await auditOf(id);
    expect(rows.map((row) => row.result)).toEqual(['conflict', 'success', 'forbidden']);
    expect(await auditOf('k-approve')).toMatchObject([{ result: 'pending_approval' }]);
    expect(await env.metrics()).toContain(
      'omen_action_executions_total{action="restart",result="pending_approval"} 1',
    );
  });
});

describe('GET /api/v1/summary', () => {
  it('counts the last day’s executions by result', async () => {
    const summary = await call(env.app.base, '/api/v1/summary', { token: TOKENS.viewer });
    expect(summary.body.actions.available).toBe(true);
    expect(summary.body.actions.last24h.byResult).toMatchObject({ timeout: 1, failure: 1, refused: 4 });
    expect(summary.body.actions.last24h.byResult.success).toBeGreaterThanOrEqual(4);
  });
});

describe('GET /api/v1/actions', () => {
  it('lists the catalog without secrets or URLs, and which actions apply to a target', async () => {
    const all = await call(env.app.base, '/api/v1/actions', { token: TOKENS.viewer });
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).not.toContain(SECRET);
    expect(JSON.stringify(all.body)).not.toContain(base);
    expect(all.body.actions.find((a: { id: string }) => a.id === 'page')).toMatchObject({
      kind: 'webhook',
      role: 'operator',
      approval: false,
      applicable: null,
      params: [{ name: 'n', type: 'number', required: true }],
    });
    const forCatalog = await call(env.app.base, `/api/v1/actions?anomalyId=${env.anomalyIds.catalog}`, {
      token: TOKENS.viewer,
    });
    const applicable = Object.fromEntries(
      forCatalog.body.actions.map((a: { id: string; applicable: boolean }) => [a.id, a.applicable]),
    );
    expect(applicable).toMatchObject({ ack: true, payments_ack: false });
    const unknown = await call(env.app.base, '/api/v1/actions?anomalyId=999999', { token: TOKENS.viewer });
    expect(unknown.status).toBe(404);
  });
});
