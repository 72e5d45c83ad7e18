import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnomalyRecord, Store } from '../store.js';
import { MINUTE, T0, openMemoryStore, options, sample, tempStorePath } from './test-support.js';
import { openDuckDbStore } from './duckdb-store.js';

const DAY = 86_400_000;
const ALL = { fromMs: 0, toMs: T0 + 365 * DAY };
const at = (day: number, minute = 0) => T0 + day * DAY + minute * MINUTE;

const anomaly = (timestampMs: number): AnomalyRecord => ({
  signal: 'error_ratio',
  service: 'api',
  timestampMs,
  score: 0.999,
  severity: 'high',
  value: 1,
  expected: 0,
  lower: 0,
  upper: 0.5,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'robust z 9',
});

/** Samples of `api` at the start of each day in `days`, plus `web` on day 0 only. */
async function seed(store: Store, days: number[]): Promise<void> {
  await store.writeSamples([
    ...days.map((d) => ({ ...sample('api', 0, d), timestampMs: at(d) })),
    { ...sample('web', 0, 7), timestampMs: at(0, 1) },
  ]);
  await store.writeErrorEvents(
    days.map((d) => ({ service: 'api', type: 'TimeoutError', severity: 'error', timestampMs: at(d) })),
  );
  await store.writeAnomalies(days.map((d) => anomaly(at(d))));
  await store.saveModelStates([
    { model: 'online', signal: 'error_ratio', service: 'web', state: { n: 1 }, updatedAtMs: at(0) },
  ]);
}

describe('DuckDB retention', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('deletes raw rows before the raw cut-off and rollups and anomalies before the long one', async () => {
    await seed(store, [0, 10, 20, 30]);
    await store.rollUp(at(31));
    const outcome = await store.applyRetention({ rawBeforeMs: at(15), rollupsBeforeMs: at(5) });
    // api's days 0 and 10 and web's only sample; rollups and anomalies of day 0.
    expect(outcome).toEqual({ samples: 3, error_events: 2, sample_rollups: 2, anomalies: 1, incidents: 0 });

    const [api, ...others] = await store.readWindows([ALL]);
    expect(others).toEqual([]);
    expect(api?.timestampsMs).toEqual([at(20), at(30)]);
    const rollups = await store.readRollups([ALL]);
    expect(rollups.map((r) => [r.service, r.buckets.map((b) => b.startMs)])).toEqual([
      ['api', [at(10), at(20), at(30)]],
    ]);
    const anomalies = await store.queryAnomalies({ limit: 10 });
    expect(anomalies.items.map((a) => a.timestampMs)).toEqual([at(30), at(20), at(10)]);
    const events = await store.countErrorEvents({ activeSinceMs: 0, fromMs: 0, toMs: at(40) });
    expect(events).toEqual([{ service: 'api', count: 2 }]);
  });

  it('deletes incidents resolved before the long cut-off, with their causes and members, never open ones', async () => {
    await seed(store, [0, 10, 20, 30]);
    const ref = (day: number) => ({
      signal: 'error_ratio',
      service: 'api',
      model: 'tail_ensemble',
      timestampMs: at(day),
    });
    const incident = (day: number, resolvedDay: number | null) => ({
      state: resolvedDay === null ? ('open' as const) : ('resolved' as const),
      openedAtMs: at(day),
      lastAnomalyMs: at(day),
      resolvedAtMs: resolvedDay === null ? null : at(resolvedDay),
      severity: 'high' as const,
      symptom: { signal: 'error_ratio', service: 'api' },
      anomalies: [ref(day)],
    });
    const [old, open, recent] = await store.writeIncidents([
      incident(0, 1),
      incident(10, null),
      incident(20, 21),
    ]);
    await store.writeIncidentAnalysis({
      incidentId: old!,
      analysedAtMs: at(0),
      model: 'combined',
      causes: [{ rank: 1, signal: 'error_ratio', service: 'api', score: 1, evidence: {} }],
    });
    const outcome = await store.applyRetention({ rawBeforeMs: 0, rollupsBeforeMs: at(15) });
    expect(outcome).toMatchObject({ anomalies: 2, incidents: 1 });
    expect(await store.getIncident(old!)).toBeNull();
    expect(await store.readIncidentAnalyses([old!])).toEqual([]);
    // The open incident stays, though its anomaly (day 10) is gone.
    expect(await store.getIncident(open!)).toMatchObject({ state: 'open', anomalyCount: 0 });
    expect(await store.getIncident(recent!)).toMatchObject({ anomalyCount: 1 });
  });

  it('keeps the series list true: counts and first samples move, emptied series drop out', async () => {
    await seed(store, [0, 10, 20, 30]);
    await store.rollUp(at(31));
    await store.applyRetention({ rawBeforeMs: at(15), rollupsBeforeMs: 0 });
    expect(await store.listSeries()).toEqual([
      { signal: 'error_ratio', service: 'api', firstSampleMs: at(20), lastSampleMs: at(30), samples: 2 },
    ]);
  });

  it('finds the new first sample of a series with a gap longer than a day', async () => {
    await seed(store, [0, 10]);
    await store.rollUp(at(11));
    await store.applyRetention({ rawBeforeMs: at(5), rollupsBeforeMs: 0 });
    const [api] = await store.listSeries();
    expect(api).toMatchObject({ firstSampleMs: at(10), samples: 1 });
  });

  it('never deletes raw samples that are not rolled up yet', async () => {
    await seed(store, [0, 10, 20]);
    await store.rollUp(at(5));
    // A late sample on day 1 marks that time for a new rollup: it and all after it stay.
    await store.writeSamples([{ ...sample('api', 0, 1), timestampMs: at(1) }]);
    const outcome = await store.applyRetention({ rawBeforeMs: at(25), rollupsBeforeMs: 0 });
    expect(outcome.samples).toBe(2); // day 0 of api and of web
    const [api] = await store.readWindows([ALL]);
    expect(api?.timestampsMs).toEqual([at(1), at(10), at(20)]);
  });

  it('keeps the rollup of a bucket whose raw samples are gone when a late sample arrives for it', async () => {
    await seed(store, [0, 10]);
    await store.rollUp(at(11));
    await store.applyRetention({ rawBeforeMs: at(5), rollupsBeforeMs: 0 });
    await store.writeSamples([{ ...sample('api', 0, 99), timestampMs: at(0, 2) }]);
    await store.rollUp(at(11));
    const [api] = await store.readRollups([ALL]);
    expect(api?.buckets[0]).toEqual({ startMs: at(0), count: 1, min: 0, max: 0, avg: 0, last: 0 });
  });

  it('leaves model state untouched', async () => {
    await seed(store, [0]);
    await store.rollUp(at(1));
    await store.applyRetention({ rawBeforeMs: at(100), rollupsBeforeMs: at(100) });
    expect(await store.loadModelStates('online')).toEqual([
      { model: 'online', signal: 'error_ratio', service: 'web', state: { n: 1 }, updatedAtMs: at(0) },
    ]);
  });
});

describe('store size', () => {
  it('counts the file and its write-ahead log, and grows with the data', async () => {
    const temp = tempStorePath();
    const store = await openDuckDbStore(options(temp.path));
    try {
      const before = await store.sizeBytes();
      await store.writeSamples(
        Array.from({ length: 50_000 }, (_, i) => ({ ...sample('api', 0, i), timestampMs: T0 + i })),
      );
      expect(before).toBeGreaterThan(0);
      expect(await store.sizeBytes()).toBeGreaterThan(before);
    } finally {
      await store.close();
      temp.cleanup();
    }
  });

  it('reports memory in use for an in-memory store', async () => {
    const store = await openMemoryStore();
    try {
      expect(await store.sizeBytes()).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
