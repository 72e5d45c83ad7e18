import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combinedRanker } from '../models/rca/combined-ranker.js';
import type { GroupedIncident } from '../models/incident/grouping.js';
import { mulberry32 } from '../random/mulberry32.js';
import type { SeriesSample } from '../sources/source.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { SeriesKey, Store } from '../store/store.js';
import { caseSeries, IncidentRca, MAX_CASE_SERIES, type IncidentRcaOptions } from './incident-rca.js';
import { ServiceGraph } from './service-graph.js';

const STEP = 60_000;
const T0 = Date.UTC(2026, 0, 1);
/** The incident opens (frontend alarms) at minute 90; db's latency rose a minute earlier. */
const OPEN = T0 + 90 * STEP;
const NOW = T0 + 100 * STEP;
const CALLS = { frontend: ['api', 'search'], api: ['db'] };

/** A sample per 15 s around `level`, moving to `level * factor` from `fromMinute` on. */
function samples(
  key: SeriesKey,
  level: number,
  factor: number,
  fromMinute: number,
  seed: number,
): SeriesSample[] {
  const random = mulberry32(seed);
  const out: SeriesSample[] = [];
  for (let t = T0; t < NOW; t += 15_000) {
    const moved = t >= T0 + fromMinute * STEP ? factor : 1;
    out.push({ ...key, timestampMs: t, value: level * moved * (1 + 0.05 * (2 * random() - 1)) });
  }
  return out;
}

const frontend = { signal: 'error_ratio', service: 'frontend' };
const SERIES = [
  { key: frontend, factor: 6, from: 90 },
  { key: { signal: 'latency', service: 'api' }, factor: 5, from: 89 },
  { key: { signal: 'latency', service: 'db' }, factor: 3, from: 89 },
  { key: { signal: 'latency', service: 'search' }, factor: 1, from: 0 },
  { key: { signal: 'latency', service: 'frontend' }, factor: 1.5, from: 90 },
];

const incident: GroupedIncident & { id: string } = {
  id: '',
  openedAtMs: OPEN,
  lastAnomalyMs: OPEN + 5 * STEP,
  resolvedAtMs: null,
  members: [
    { ...frontend, anomalies: 5, firstAnomalyMs: OPEN, maxScore: 0.9999, severity: 'critical' },
    {
      signal: 'latency',
      service: 'api',
      anomalies: 2,
      firstAnomalyMs: OPEN,
      maxScore: 0.999,
      severity: 'high',
    },
  ],
};

const options: IncidentRcaOptions = {
  ranker: combinedRanker,
  stepMs: STEP,
  baselineMs: 60 * STEP,
  everyCycles: 3,
  topK: 2,
  graph: new ServiceGraph(CALLS),
  perCycle: 5,
};

const allSeries = () => SERIES.map((s) => s.key);

describe('root-cause analysis of open incidents', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openDuckDbStore({ path: ':memory:', memoryLimit: '256MB', threads: 1 });
    await store.writeSamples(SERIES.flatMap((s, i) => samples(s.key, 0.1, s.factor, s.from, i + 1)));
    const [id] = await store.writeIncidents([
      {
        state: 'open',
        openedAtMs: OPEN,
        lastAnomalyMs: OPEN,
        resolvedAtMs: null,
        severity: 'critical',
        symptom: frontend,
        anomalies: [],
      },
    ]);
    incident.id = id!;
  });
  afterEach(() => store.close());

  it('names the deepest changed service downstream, stores the ranking and publishes its top causes', async () => {
    const rca = new IncidentRca(store, options);
    const seen: Set<string>[] = [];
    const seriesOf = (services: Set<string>) => {
      seen.push(services);
      return allSeries().filter((k) => services.has(k.service));
    };
    expect(await rca.run([incident], seriesOf, NOW)).toEqual([]);
    // Its own services and every service they call, directly or not.
    expect([...seen[0]!].sort()).toEqual(['api', 'db', 'frontend', 'search']);

    const [analysis] = await store.readIncidentAnalyses([incident.id]);
    expect(analysis!.model).toBe('combined');
    expect(analysis!.causes[0]).toMatchObject({ rank: 1, signal: 'latency', service: 'db' });
    expect(analysis!.causes[0]!.evidence).toMatchObject({ downstream: true, explainedBy: null });
    // The edges the cause was found through, symptom first.
    expect(analysis!.causes[0]!.evidence['path']).toEqual([
      { client: 'frontend', server: 'api', source: 'config' },
      { client: 'api', server: 'db', source: 'config' },
    ]);
    const shares = analysis!.causes.reduce((sum, c) => sum + c.score, 0);
    expect(shares).toBeCloseTo(1, 6);

    const scores = rca.scores();
    expect(scores).toHaveLength(2);
    expect(scores[0]).toMatchObject({ symptom: frontend, cause: { signal: 'latency', service: 'db' } });
  });

  it('reads the graph at each analysis: edges learned from Tempo later are followed and named', async () => {
    const graph = new ServiceGraph({ frontend: ['search'] });
    const rca = new IncidentRca(store, { ...options, everyCycles: 1, graph });
    const seen: string[][] = [];
    const seriesOf = (services: Set<string>) => {
      seen.push([...services].sort());
      return allSeries().filter((k) => services.has(k.service));
    };
    await rca.run([incident], seriesOf, NOW);
    expect(seen[0]).toEqual(['api', 'frontend', 'search']);
    let [analysis] = await store.readIncidentAnalyses([incident.id]);
    expect(analysis!.causes.find((c) => c.service === 'db')).toBeUndefined();

    graph.learn([
      { client: 'frontend', server: 'api' },
      { client: 'api', server: 'db' },
    ]);
    await rca.run([incident], seriesOf, NOW);
    expect(seen[1]).toEqual(['api', 'db', 'frontend', 'search']);
    [analysis] = await store.readIncidentAnalyses([incident.id]);
    const db = analysis!.causes.find((c) => c.service === 'db')!;
    expect(db.rank).toBe(1);
    expect(db.evidence['path']).toEqual([
      { client: 'frontend', server: 'api', source: 'tempo' },
      { client: 'api', server: 'db', source: 'tempo' },
    ]);
    // Every cause here is the symptom's service or one it calls: each path ends at the cause.
    for (const cause of analysis!.causes) {
      const path = cause.evidence['path'] as { server: string }[];
      expect(path.at(-1)?.server ?? 'frontend').toBe(cause.service);
    }
  });

  it('runs again only every everyCycles cycles, and forgets incidents that closed', async () => {
    const rca = new IncidentRca(store, options);
    let runs = 0;
    const seriesOf = (services: Set<string>) => {
      runs += 1;
      return allSeries().filter((k) => services.has(k.service));
    };
    for (let cycle = 0; cycle < 7; cycle += 1) await rca.run([incident], seriesOf, NOW);
    expect(runs).toBe(3);
    await rca.run([], seriesOf, NOW);
    expect(rca.scores()).toEqual([]);
  });

  it('publishes the stored causes of open incidents after a restart, before running again', async () => {
    await new IncidentRca(store, options).run(
      [incident],
      (s) => allSeries().filter((k) => s.has(k.service)),
      NOW,
    );
    const restarted = new IncidentRca(store, options);
    await restarted.restore([incident]);
    expect(restarted.scores()[0]).toMatchObject({ cause: { service: 'db' } });
  });

  it('waits while the symptom has no history before the incident, and reports failures', async () => {
    const rca = new IncidentRca(store, options);
    expect(await rca.run([{ ...incident, openedAtMs: T0 }], () => allSeries(), NOW)).toEqual([]);
    expect(await store.readIncidentAnalyses([incident.id])).toEqual([]);
    const failing = new IncidentRca(store, {
      ...options,
      ranker: {
        name: 'broken',
        rank: () => {
          throw new Error('boom');
        },
      },
    });
    const failures = await failing.run([incident], () => allSeries(), NOW);
    expect(failures).toEqual([`incident ${incident.id}: Error: boom`]);
  });

  it('reads at most MAX_CASE_SERIES series for one analysis, the incident’s own first', () => {
    const many = Array.from({ length: MAX_CASE_SERIES + 10 }, (_, i) => ({
      signal: 'latency',
      service: `s${i}`,
    }));
    const picked = caseSeries(incident, [...many, frontend]);
    expect(picked).toHaveLength(MAX_CASE_SERIES);
    expect(picked[0]).toEqual(frontend);
    expect(caseSeries(incident, [frontend])).toEqual([frontend]);
  });
});
