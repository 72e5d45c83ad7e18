import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionExecution, AnomalyRecord, Store } from '../store.js';
import { MINUTE, T0, openMemoryStore } from './test-support.js';

const anomaly = (service: string, minute: number, model = 'tail_ensemble'): AnomalyRecord => ({
  signal: 'error_ratio',
  service,
  timestampMs: T0 + minute * MINUTE,
  score: 0.999,
  severity: 'high',
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model,
  kind: 'spike',
  explanation: 'spike',
});

const execution = (overrides: Partial<ActionExecution> = {}): ActionExecution => ({
  id: 'e1',
  actionId: 'page_oncall',
  idempotencyKey: 'k1',
  target: { kind: 'anomaly', id: '1' },
  params: { reason: 'x' },
  requestedBy: 'alice',
  requestedAtMs: T0,
  state: 'running',
  approvedBy: null,
  finishedAtMs: null,
  result: null,
  error: null,
  ...overrides,
});

describe('DuckDB feedback and executions', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
    await store.writeAnomalies([anomaly('payments', 1), anomaly('catalog', 2, 'other')]);
  });
  afterEach(() => store.close());

  const ids = async () => (await store.queryAnomalies({ limit: 10 })).items.map((a) => a.id);

  it('reads one anomaly by id, and nothing for an unknown or malformed id', async () => {
    const [catalog] = await ids();
    expect(await store.getAnomaly(catalog!)).toMatchObject({ id: catalog, service: 'catalog' });
    expect(await store.getAnomaly('999999')).toBeUndefined();
    expect(await store.getAnomaly('1 OR 1=1')).toBeUndefined();
  });

  it('keeps the first acknowledgement of each anomaly', async () => {
    const [catalog, payments] = await ids();
    expect(await store.acknowledgeAnomalies([catalog!], 'alice', T0)).toEqual([
      { anomalyId: catalog, actor: 'alice', atMs: T0 },
    ]);
    const again = await store.acknowledgeAnomalies([catalog!, payments!], 'bob', T0 + MINUTE);
    expect(again.sort((a, b) => a.anomalyId.localeCompare(b.anomalyId))).toEqual(
      [
        { anomalyId: catalog, actor: 'alice', atMs: T0 },
        { anomalyId: payments, actor: 'bob', atMs: T0 + MINUTE },
      ].sort((a, b) => a.anomalyId!.localeCompare(b.anomalyId!)),
    );
  });

  it('stores feedback, reads it back by time and counts it per model', async () => {
    const [catalog, payments] = await ids();
    const base = { signal: 'error_ratio', note: '', actor: 'alice' };
    await store.writeFeedback({
      ...base,
      anomalyId: payments!,
      service: 'payments',
      model: 'tail_ensemble',
      verdict: 'false_positive',
      atMs: T0,
    });
    await store.writeFeedback({
      ...base,
      anomalyId: payments!,
      service: 'payments',
      model: 'tail_ensemble',
      verdict: 'true_positive',
      note: 'real after all',
      atMs: T0 + MINUTE,
    });
    await store.writeFeedback({
      ...base,
      anomalyId: catalog!,
      service: 'catalog',
      model: 'other',
      verdict: 'true_positive',
      atMs: T0 + 2 * MINUTE,
    });
    const since = await store.readFeedbackSince(T0 + MINUTE);
    expect(since.map((f) => [f.service, f.verdict, f.note])).toEqual([
      ['payments', 'true_positive', 'real after all'],
      ['catalog', 'true_positive', ''],
    ]);
    expect(await store.countFeedbackByModel()).toEqual([
      { model: 'other', truePositives: 1, falsePositives: 0 },
      { model: 'tail_ensemble', truePositives: 1, falsePositives: 1 },
    ]);
  });

  it('claims one execution per action and key inside the window, even when claims race', async () => {
    const claims = await Promise.all(
      ['e1', 'e2', 'e3'].map((id) => store.claimExecution(execution({ id }), T0 - MINUTE)),
    );
    expect(claims.filter((claim) => claim.created)).toHaveLength(1);
    expect(new Set(claims.map((claim) => claim.execution.id))).toEqual(new Set(['e1']));
    const otherAction = await store.claimExecution(execution({ id: 'e4', actionId: 'silence' }), T0);
    expect(otherAction.created).toBe(true);
    // Past the window the key is free again.
    const later = await store.claimExecution(
      execution({ id: 'e5', requestedAtMs: T0 + 60 * MINUTE }),
      T0 + MINUTE,
    );
    expect(later.created).toBe(true);
  });

  it('counts executions since a time by state, and refused execute calls from the audit trail', async () => {
    await store.claimExecution(
      execution({ id: 'old', idempotencyKey: 'a', requestedAtMs: T0 - 10 * MINUTE }),
      0,
    );
    await store.claimExecution(execution({ id: 'e1', idempotencyKey: 'b', state: 'success' }), 0);
    await store.claimExecution(execution({ id: 'e2', idempotencyKey: 'c', state: 'success' }), 0);
    await store.claimExecution(execution({ id: 'e3', idempotencyKey: 'd', state: 'pending_approval' }), 0);
    const audit = { actor: 'a', atMs: T0, target: null, parameters: {}, durationMs: 1 };
    await store.appendAudit({ ...audit, action: 'action.execute', result: 'forbidden' });
    await store.appendAudit({ ...audit, action: 'action.execute', result: 'success' });
    await store.appendAudit({ ...audit, action: 'anomaly.ack', result: 'not_applicable' });
    expect(await store.countExecutionsSince(T0 - MINUTE)).toEqual({
      success: 2,
      pending_approval: 1,
      refused: 1,
    });
  });

  it('changes state only from the expected one, and round-trips every field', async () => {
    await store.claimExecution(execution({ state: 'pending_approval' }), T0);
    expect(await store.transitionExecution('e1', 'running', { state: 'success' })).toBe(false);
    expect(
      await store.transitionExecution('e1', 'pending_approval', { state: 'running', approvedBy: 'bob' }),
    ).toBe(true);
    expect(
      await store.transitionExecution('e1', 'pending_approval', { state: 'running', approvedBy: 'eve' }),
    ).toBe(false);
    await store.transitionExecution('e1', 'running', {
      state: 'failure',
      finishedAtMs: T0 + 5,
      result: { status: 500, attempts: 3 },
      error: 'HTTP 500',
    });
    expect(await store.getExecution('e1')).toEqual(
      execution({
        state: 'failure',
        approvedBy: 'bob',
        finishedAtMs: T0 + 5,
        result: { status: 500, attempts: 3 },
        error: 'HTTP 500',
      }),
    );
    expect(await store.getExecution('nope')).toBeUndefined();
  });
});
