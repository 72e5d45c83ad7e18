import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnomalyRecord, IncidentWrite, Severity, Store, StoredIncident } from '../store.js';
import { InvalidCursorError } from './duckdb-store.js';
import { MINUTE, T0, openMemoryStore } from './test-support.js';

const anomaly = (
  service: string,
  minute: number,
  severity: Severity,
  signal = 'error_ratio',
): AnomalyRecord => ({
  signal,
  service,
  timestampMs: T0 + minute * MINUTE,
  score: severity === 'critical' ? 0.99999 : 0.996,
  severity,
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'value 0.3 is above its last 2016 points',
});

const ref = (a: AnomalyRecord) => ({
  signal: a.signal,
  service: a.service,
  model: a.model,
  timestampMs: a.timestampMs,
});

function incident(minute: number, anomalies: AnomalyRecord[], overrides: Partial<IncidentWrite> = {}) {
  return {
    state: 'open',
    openedAtMs: T0 + minute * MINUTE,
    lastAnomalyMs: Math.max(...anomalies.map((a) => a.timestampMs)),
    resolvedAtMs: null,
    severity: 'high',
    symptom: { signal: anomalies[0]!.signal, service: anomalies[0]!.service },
    anomalies: anomalies.map(ref),
    ...overrides,
  } satisfies IncidentWrite;
}

describe('DuckDB incident store', () => {
  let store: Store;
  const a1 = anomaly('frontend', 1, 'high');
  const a2 = anomaly('db', 2, 'critical', 'latency');
  const a3 = anomaly('frontend', 3, 'medium');
  const b1 = anomaly('search', 20, 'medium');
  beforeEach(async () => {
    store = await openMemoryStore();
    await store.writeAnomalies([a1, a2, a3, b1]);
  });
  afterEach(() => store.close());

  it('opens an incident with its member anomalies and summarises its series, worst first', async () => {
    const [id] = await store.writeIncidents([incident(1, [a1, a2])]);
    const stored = await store.getIncident(id!);
    expect(stored).toMatchObject({
      id,
      state: 'open',
      openedAtMs: T0 + MINUTE,
      lastAnomalyMs: T0 + 2 * MINUTE,
      resolvedAtMs: null,
      severity: 'high',
      symptom: { signal: 'error_ratio', service: 'frontend' },
      anomalyCount: 2,
    });
    expect(stored!.series.map((s) => [s.service, s.severity, s.anomalies])).toEqual([
      ['db', 'critical', 1],
      ['frontend', 'high', 1],
    ]);
    const members = await store.incidentAnomalies(id!);
    expect(members.map((a) => a.service)).toEqual(['frontend', 'db']);
    expect(members[0]).toMatchObject({ ...a1, id: expect.any(String) });
  });

  it('updates an incident in place, adding anomalies once and resolving it', async () => {
    const [id] = await store.writeIncidents([incident(1, [a1])]);
    const [again] = await store.writeIncidents([
      incident(1, [a1, a3], { id, state: 'resolved', resolvedAtMs: T0 + 13 * MINUTE, severity: 'critical' }),
    ]);
    expect(again).toBe(id);
    const stored = await store.getIncident(id!);
    expect(stored).toMatchObject({ state: 'resolved', resolvedAtMs: T0 + 13 * MINUTE, severity: 'critical' });
    expect(stored!.series).toEqual([
      {
        signal: 'error_ratio',
        service: 'frontend',
        anomalies: 2,
        firstAnomalyMs: T0 + MINUTE,
        lastAnomalyMs: T0 + 3 * MINUTE,
        maxScore: 0.996,
        severity: 'high',
      },
    ]);
  });

  it('keeps an anomaly in the first incident that claimed it', async () => {
    const [first, second] = await store.writeIncidents([incident(1, [a1]), incident(2, [a1, a2])]);
    expect((await store.incidentAnomalies(first!)).map((a) => a.service)).toEqual(['frontend']);
    expect((await store.incidentAnomalies(second!)).map((a) => a.service)).toEqual(['db']);
  });

  it('filters by state and by member service, newest first, and pages with a cursor', async () => {
    const ids = await store.writeIncidents([
      incident(1, [a1, a2]),
      incident(20, [b1], { state: 'resolved', resolvedAtMs: T0 + 30 * MINUTE }),
      incident(40, [a3]),
    ]);
    const list = async (query: Parameters<Store['queryIncidents']>[0]) =>
      (await store.queryIncidents(query)).items.map((i: StoredIncident) => i.id);
    expect(await list({ limit: 10 })).toEqual([ids[2], ids[1], ids[0]]);
    expect(await list({ limit: 10, state: 'open' })).toEqual([ids[2], ids[0]]);
    expect(await list({ limit: 10, service: 'db' })).toEqual([ids[0]]);
    expect(await list({ limit: 10, service: 'search', state: 'open' })).toEqual([]);

    const first = await store.queryIncidents({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const second = await store.queryIncidents({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects a cursor of another list, and answers null for an unknown id', async () => {
    await store.writeAnomalies([anomaly('x', 50, 'high'), anomaly('x', 51, 'high')]);
    const anomalies = await store.queryAnomalies({ limit: 1 });
    await expect(store.queryIncidents({ limit: 1, cursor: anomalies.nextCursor! })).rejects.toThrow(
      InvalidCursorError,
    );
    expect(await store.getIncident('999')).toBeNull();
    expect(await store.getIncident('not-an-id')).toBeNull();
    expect(await store.incidentAnomalies('not-an-id')).toEqual([]);
  });

  it('replaces an incident’s analysis as a whole', async () => {
    const [id] = await store.writeIncidents([incident(1, [a1, a2])]);
    const cause = (rank: number, service: string, score: number) => ({
      rank,
      signal: 'latency',
      service,
      score,
      evidence: { change: 7.5, lead: -1, downstream: true },
    });
    await store.writeIncidentAnalysis({
      incidentId: id!,
      analysedAtMs: T0 + 5 * MINUTE,
      model: 'combined',
      causes: [cause(1, 'frontend', 0.5), cause(2, 'db', 0.3), cause(3, 'search', 0.2)],
    });
    await store.writeIncidentAnalysis({
      incidentId: id!,
      analysedAtMs: T0 + 6 * MINUTE,
      model: 'combined',
      causes: [cause(1, 'db', 0.8), cause(2, 'frontend', 0.2)],
    });
    expect(await store.readIncidentAnalyses([id!, '12345', 'junk'])).toEqual([
      {
        incidentId: id,
        analysedAtMs: T0 + 6 * MINUTE,
        model: 'combined',
        causes: [cause(1, 'db', 0.8), cause(2, 'frontend', 0.2)],
      },
    ]);
  });

  it('keeps the label contrast of the latest analysis in rank order', async () => {
    const [id] = await store.writeIncidents([incident(1, [a1, a2])]);
    const found = (label: string, value: string, score: number) => ({
      label,
      value,
      incidentShare: 0.9,
      baselineShare: 0.25,
      incidentCount: 900,
      baselineCount: 25,
      score,
      z: 17.5,
    });
    const analysis = (minute: number, labelContrast: ReturnType<typeof found>[]) => ({
      incidentId: id!,
      analysedAtMs: T0 + minute * MINUTE,
      model: 'combined',
      causes: [{ rank: 1, signal: 'latency', service: 'db', score: 1, evidence: {} }],
      labelContrast,
    });
    await store.writeIncidentAnalysis(analysis(5, [found('pod', 'pod-3', 0.3)]));
    await store.writeIncidentAnalysis(analysis(6, [found('version', 'v2', 0.2), found('pod', 'pod-1', 0.1)]));
    const [read] = await store.readIncidentAnalyses([id!]);
    expect(read!.labelContrast).toEqual([found('version', 'v2', 0.2), found('pod', 'pod-1', 0.1)]);

    await store.writeIncidentAnalysis(analysis(7, []));
    expect((await store.readIncidentAnalyses([id!]))[0]!.labelContrast).toBeUndefined();
  });
});
