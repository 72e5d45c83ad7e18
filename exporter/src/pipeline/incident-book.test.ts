import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { AnomalyRecord, IncidentStore, Store } from '../store/store.js';
import { groupingParams, IncidentBook } from './incident-book.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);

const config = parseConfig(
  [
    'sources: [{ name: demo, type: scrape, url: "http://127.0.0.1:1/metrics" }]',
    'signals: [{ name: error_ratio, type: ratio, numerator: a_total, denominator: b_total }]',
    'incidents: { window: 5m, quietPeriod: 10m }',
  ].join('\n'),
  'test.yaml',
);
const params = groupingParams(config.incidents, undefined);

const anomaly = (service: string, minute: number): AnomalyRecord => ({
  signal: 'error_ratio',
  service,
  timestampMs: T0 + minute * MIN,
  score: 0.9995,
  severity: 'high',
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'spike',
});

/** Writes the anomalies, as the cycle does, then lets the book group them. */
async function cycle(store: Store, book: IncidentBook, minute: number, anomalies: AnomalyRecord[] = []) {
  await store.writeAnomalies(anomalies);
  await book.update(anomalies, T0 + minute * MIN);
}

describe('the incident book', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openDuckDbStore({ path: ':memory:', memoryLimit: '256MB', threads: 1 });
  });
  afterEach(() => store.close());

  it('stores incidents as they open, grow and resolve, and exposes their series meanwhile', async () => {
    const book = new IncidentBook(store, () => params);
    await cycle(store, book, 1, [anomaly('api', 1)]);
    await cycle(store, book, 2, [anomaly('db', 2)]);
    expect(book.openSeries().map((k) => k.service)).toEqual(['api', 'db']);
    const [open] = (await store.queryIncidents({ limit: 10, state: 'open' })).items;
    expect(open).toMatchObject({ anomalyCount: 2, severity: 'high', symptom: { service: 'api' } });
    expect(book.open().map((i) => i.id)).toEqual([open!.id]);

    await cycle(store, book, 12);
    expect(book.openSeries()).toEqual([]);
    const resolved = await store.getIncident(open!.id);
    expect(resolved).toMatchObject({ state: 'resolved', resolvedAtMs: T0 + 12 * MIN });
  });

  it('carries on an open incident after a restart instead of opening another', async () => {
    const before = new IncidentBook(store, () => params);
    await cycle(store, before, 1, [anomaly('api', 1)]);
    const after = new IncidentBook(store, () => params);
    expect(await after.restore()).toBe(1);
    await cycle(store, after, 3, [anomaly('api', 3)]);
    const all = (await store.queryIncidents({ limit: 10 })).items;
    expect(all).toHaveLength(1);
    expect(all[0]!.anomalyCount).toBe(2);
  });

  it('with a call graph, stores the most upstream series as the symptom, also after a restart', async () => {
    const calls = new Map([['frontend', ['db']]]);
    const graphed = groupingParams(config.incidents, calls);
    const book = new IncidentBook(store, () => graphed);
    await cycle(store, book, 1, [anomaly('db', 1), anomaly('frontend', 1)]);
    const [stored] = (await store.queryIncidents({ limit: 1 })).items;
    expect(stored!.symptom.service).toBe('frontend');
    const restarted = new IncidentBook(store, () => graphed);
    await restarted.restore();
    expect(restarted.open()[0]!.roots).toEqual(['frontend']);
  });

  it('keeps the anomalies of a failed write for the next cycle', async () => {
    let fail = true;
    const flaky: IncidentStore = {
      writeIncidents: (writes) =>
        fail ? Promise.reject(new Error('disk full')) : store.writeIncidents(writes),
      queryIncidents: (query) => store.queryIncidents(query),
      getIncident: (id) => store.getIncident(id),
      incidentAnomalies: (id) => store.incidentAnomalies(id),
      writeIncidentAnalysis: (analysis) => store.writeIncidentAnalysis(analysis),
      readIncidentAnalyses: (ids) => store.readIncidentAnalyses(ids),
    };
    const book = new IncidentBook(flaky, () => params);
    await store.writeAnomalies([anomaly('api', 1)]);
    await expect(book.update([anomaly('api', 1)], T0 + MIN)).rejects.toThrow('disk full');
    expect(book.openSeries()).toEqual([]);
    fail = false;
    await cycle(store, book, 2);
    const [incident] = (await store.queryIncidents({ limit: 10 })).items;
    expect(incident).toMatchObject({ state: 'open', anomalyCount: 1, openedAtMs: T0 + MIN });
  });
});
