import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, T0, MINUTE } from '../store/duckdb/test-support.js';
import type { AnomalyRecord, Store } from '../store/store.js';
import { incidentTargets } from './incident-target.js';
import { anomalyTargets, applies, targetResolver, UnsupportedTarget } from './target.js';

const anomaly = (signal: string, service: string, minute: number): AnomalyRecord => ({
  signal,
  service,
  timestampMs: T0 + minute * MINUTE,
  score: 0.999,
  severity: 'high',
  value: 1,
  expected: 0,
  lower: 0,
  upper: 0.5,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'spike',
});

describe('action targets', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('resolves an incident to its symptom first, its other series, and its member anomalies', async () => {
    const members = [
      anomaly('latency', 'db', 1),
      anomaly('error_ratio', 'api', 2),
      anomaly('error_ratio', 'api', 3),
    ];
    await store.writeAnomalies(members);
    const [id] = await store.writeIncidents([
      {
        state: 'open',
        openedAtMs: T0 + MINUTE,
        lastAnomalyMs: T0 + 3 * MINUTE,
        resolvedAtMs: null,
        severity: 'high',
        symptom: { signal: 'error_ratio', service: 'api' },
        anomalies: members,
      },
    ]);
    const target = await incidentTargets(store).resolve({ kind: 'incident', id: id! });
    expect(target?.series).toEqual([
      { signal: 'error_ratio', service: 'api' },
      { signal: 'latency', service: 'db' },
    ]);
    expect(target?.anomalyIds).toHaveLength(3);
    expect(applies({ signals: [], services: ['db'] }, target!)).toBe(true);
    expect(applies({ signals: ['latency'], services: ['api'] }, target!)).toBe(false);
    expect(await incidentTargets(store).resolve({ kind: 'incident', id: '999' })).toBeUndefined();
    expect(await incidentTargets(store).resolve({ kind: 'incident', id: 'x' })).toBeUndefined();
  });

  it('sends each kind to its resolver, and refuses a kind without one', async () => {
    await store.writeAnomalies([anomaly('error_ratio', 'api', 1)]);
    const [stored] = (await store.queryAnomalies({ limit: 1 })).items;
    const resolver = targetResolver({ anomaly: anomalyTargets(store) });
    expect(await resolver.resolve({ kind: 'anomaly', id: stored!.id })).toEqual({
      kind: 'anomaly',
      id: stored!.id,
      series: [{ signal: 'error_ratio', service: 'api' }],
      anomalyIds: [stored!.id],
    });
    await expect(resolver.resolve({ kind: 'incident', id: '1' })).rejects.toBeInstanceOf(UnsupportedTarget);
  });
});
