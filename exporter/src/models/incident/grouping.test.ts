import { describe, expect, it } from 'vitest';
import type { Severity } from '../../store/store.js';
import {
  groupAnomalies,
  rootsOf,
  symptomOf,
  worstSeverity,
  type GroupedAnomaly,
  type GroupingParams,
  type GroupingState,
} from './grouping.js';

const MIN = 60_000;
const PARAMS: GroupingParams = { windowMs: 5 * MIN, quietMs: 10 * MIN, minAnomalies: 2, openAt: 'high' };
const EMPTY: GroupingState = { open: [], pool: [] };

const anomaly = (
  service: string,
  minute: number,
  severity: Severity = 'medium',
  signal = 'error_ratio',
): GroupedAnomaly => ({
  signal,
  service,
  model: 'tail_ensemble',
  timestampMs: minute * MIN,
  score: severity === 'critical' ? 0.99995 : 0.996,
  severity,
});

/** Feeds one batch per minute, as cycles would, and returns the state after the last. */
function run(batches: Record<number, GroupedAnomaly[]>, until: number, params = PARAMS) {
  let state = EMPTY;
  const changes = [];
  for (let minute = 0; minute <= until; minute += 1) {
    const outcome = groupAnomalies(state, batches[minute] ?? [], minute * MIN, params);
    state = outcome.state;
    changes.push(...outcome.changed.map((c) => ({ minute, ...c })));
  }
  return { state, changes };
}

describe('incident grouping', () => {
  it('a lone mild anomaly opens no incident; it waits in the pool, then is forgotten', () => {
    const { state, changes } = run({ 1: [anomaly('api', 1)] }, 3);
    expect(changes).toEqual([]);
    expect(state.pool).toHaveLength(1);
    expect(run({ 1: [anomaly('api', 1)] }, 7).state.pool).toEqual([]);
  });

  it('two co-occurring anomalies on different services open one incident', () => {
    const { state, changes } = run({ 1: [anomaly('api', 1)], 3: [anomaly('db', 3, 'medium', 'latency')] }, 3);
    expect(state.open).toHaveLength(1);
    expect(state.pool).toEqual([]);
    const [opened] = changes;
    expect(opened!.minute).toBe(3);
    expect(opened!.incident.openedAtMs).toBe(MIN);
    expect(opened!.added.map((a) => a.service)).toEqual(['api', 'db']);
    expect(opened!.incident.members.map((m) => m.service)).toEqual(['api', 'db']);
  });

  it('one anomaly of severity openAt or worse opens an incident alone', () => {
    const { state } = run({ 2: [anomaly('api', 2, 'high')] }, 2);
    expect(state.open).toHaveLength(1);
  });

  it('later anomalies join the open incident; distant ones start their own', () => {
    const { state } = run(
      {
        1: [anomaly('api', 1, 'critical')],
        4: [anomaly('db', 4)],
        // 8: within the window of db's 4, so it joins; 30 is far from everything.
        8: [anomaly('api', 8)],
        30: [anomaly('search', 30, 'high')],
      },
      30,
    );
    expect(state.open).toHaveLength(1);
    expect(state.open[0]!.members.map((m) => m.service)).toEqual(['search']);
  });

  it('resolves an incident after the quiet period, once', () => {
    const { state, changes } = run({ 1: [anomaly('api', 1, 'high')], 4: [anomaly('api', 4)] }, 20);
    expect(state.open).toEqual([]);
    const resolved = changes.filter((c) => c.incident.resolvedAtMs !== null);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ minute: 14, added: [] });
    expect(resolved[0]!.incident.resolvedAtMs).toBe(14 * MIN);
    expect(resolved[0]!.incident.members[0]).toMatchObject({
      service: 'api',
      anomalies: 2,
      firstAnomalyMs: MIN,
    });
  });

  it('a series already in the incident keeps it open however late within the quiet period', () => {
    const batches: Record<number, GroupedAnomaly[]> = { 1: [anomaly('api', 1, 'high')] };
    for (let m = 9; m <= 33; m += 8) batches[m] = [anomaly('api', m)];
    const { state } = run(batches, 42);
    expect(state.open).toHaveLength(1);
    expect(state.open[0]!.members[0]!.anomalies).toBe(5);
    expect(run(batches, 43).state.open).toEqual([]);
  });

  it('with a call graph, unrelated services co-occurring open separate incidents', () => {
    const related = (a: string, b: string) => [a, b].sort().join() === 'api,db';
    const params = { ...PARAMS, related };
    const { state } = run(
      { 1: [anomaly('api', 1, 'high'), anomaly('billing', 1, 'high')], 2: [anomaly('db', 2)] },
      2,
      params,
    );
    expect(state.open.map((i) => i.members.map((m) => m.service).sort())).toEqual([
      ['api', 'db'],
      ['billing'],
    ]);
  });

  it('leaves anomalies older than the quiet period out (a catch-up after an outage)', () => {
    const outcome = groupAnomalies(EMPTY, [anomaly('api', 1, 'critical')], 60 * MIN, PARAMS);
    expect(outcome.changed).toEqual([]);
    expect(outcome.state).toEqual(EMPTY);
  });

  it('names the worst, most anomalous series as the symptom', () => {
    const { state } = run(
      {
        1: [anomaly('db', 1, 'critical', 'latency'), anomaly('api', 1, 'high')],
        2: [anomaly('api', 2, 'critical')],
      },
      2,
    );
    const [incident] = state.open;
    expect(symptomOf(incident!)).toMatchObject({ service: 'api', anomalies: 2 });
    expect(worstSeverity(incident!.members)).toBe('critical');
  });

  it('does not change the state it was given', () => {
    const first = groupAnomalies(EMPTY, [anomaly('api', 1, 'high')], MIN, PARAMS);
    const snapshot = JSON.stringify(first.state);
    groupAnomalies(first.state, [anomaly('api', 2), anomaly('db', 2)], 2 * MIN, PARAMS);
    expect(JSON.stringify(first.state)).toBe(snapshot);
  });

  it('with a call graph, names the most upstream series the symptom, however bad the one below', () => {
    const calls = new Map([
      ['frontend', ['catalog']],
      ['catalog', ['inventory']],
    ]);
    const { state } = run(
      {
        1: [anomaly('inventory', 1, 'critical'), anomaly('inventory', 1, 'critical', 'latency')],
        2: [anomaly('frontend', 2)],
      },
      2,
      { ...PARAMS, calls, related: () => true },
    );
    const [incident] = state.open;
    expect(incident!.roots).toEqual(['frontend']);
    expect(symptomOf(incident!)).toMatchObject({ service: 'frontend' });
    expect(rootsOf(['inventory', 'catalog', 'search'], calls)).toEqual(['catalog', 'search']);
  });
});
