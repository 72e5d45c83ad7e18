import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushSourceSchema } from '../config/push-source-schema.js';
import { captureLogs } from '../log/capture.test-support.js';
import { combinedRanker } from '../models/rca/combined-ranker.js';
import type { GroupedIncident } from '../models/incident/grouping.js';
import type { BreakdownReader } from '../sources/breakdown.js';
import { createEventBreakdown } from '../sources/push/event-breakdown.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { ErrorEvent, Store } from '../store/store.js';
import { IncidentRca } from './incident-rca.js';
import { caseFrame } from './rca-case.js';
import { contrastWindows, mergeBreakdowns, SymptomContrast } from './symptom-contrast.js';

const STEP = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const OPEN = T0 + 90 * STEP;
const NOW = T0 + 100 * STEP;
const symptom = { signal: 'pushed_errors', service: 'payments' };

/** `perMinute` events of `type` each minute in [from, to). */
function events(type: string, perMinute: number, fromMinute: number, toMinute: number): ErrorEvent[] {
  const out: ErrorEvent[] = [];
  for (let minute = fromMinute; minute < toMinute; minute += 1)
    for (let i = 0; i < perMinute; i += 1)
      out.push({
        ...symptom,
        type,
        severity: 'error',
        timestampMs: T0 + (minute + (i + 0.5) / perMinute) * STEP,
      });
  return out;
}

describe('label contrast in the analysis of an incident', () => {
  it('contrasts the incident from the step it opened in until now with the baseline before the lead-in', () => {
    const frame = caseFrame(OPEN + 20_000, NOW, STEP, 60 * STEP);
    expect(contrastWindows(frame, NOW)).toEqual({
      incident: { fromMs: OPEN, toMs: NOW },
      // The analysis's window starts 5 steps before the incident: the baseline ends there.
      baseline: { fromMs: T0 + 25 * STEP, toMs: T0 + 85 * STEP },
    });
  });

  it('sums one label’s values across sources', () => {
    const merged = mergeBreakdowns([
      { label: 'pod', values: [{ value: 'a', incident: 5, baseline: 1, prior: 10, incidentTraffic: 20 }] },
      {
        label: 'pod',
        values: [
          { value: 'a', incident: 2, baseline: 3 },
          { value: 'b', incident: 1, baseline: 0 },
        ],
      },
      { label: 'code', values: [{ value: '503', incident: 4, baseline: 4 }] },
    ]);
    expect(merged).toEqual([
      {
        label: 'pod',
        values: [
          { value: 'a', incident: 7, baseline: 4, prior: 10, incidentTraffic: 20 },
          { value: 'b', incident: 1, baseline: 0 },
        ],
      },
      { label: 'code', values: [{ value: '503', incident: 4, baseline: 4 }] },
    ]);
  });

  describe('through the pipeline’s analysis, on a real store', () => {
    let store: Store;
    beforeEach(async () => {
      store = await openMemoryStore();
      // The symptom's error rate, flat then six times higher from the incident on.
      const rate = [];
      for (let t = T0; t < NOW; t += 15_000)
        rate.push({ ...symptom, timestampMs: t, value: t >= OPEN ? 1.2 : 0.2 });
      await store.writeSamples(rate);
      // Before: timeouts and database errors alike; during: the database errors take over.
      await store.writeErrorEvents([
        ...events('TimeoutError', 6, 0, 100),
        ...events('DbError', 6, 0, 90),
        ...events('DbError', 66, 90, 100),
      ]);
    });
    afterEach(() => store.close());

    it('stores the over-represented error type with the causes, leaving a failing source out', async () => {
      const { logger, text } = captureLogs();
      const push = createEventBreakdown(
        pushSourceSchema.parse({ name: 'app', type: 'push', signal: symptom.signal }),
        store,
      );
      const broken: BreakdownReader = {
        source: 'prom',
        read: () => Promise.reject(new Error('prometheus http://p:9090: HTTP 503')),
      };
      // Switched off for a second analysis, like scrape tallies that aged out of the baseline.
      let answering = true;
      const switchable: BreakdownReader = {
        source: push.source,
        read: (request) => (answering ? push.read(request) : Promise.resolve([])),
      };
      const contrast = new SymptomContrast([switchable, broken], logger);
      const rca = new IncidentRca(store, {
        ranker: combinedRanker,
        stepMs: STEP,
        baselineMs: 60 * STEP,
        everyCycles: 1,
        topK: 3,
        perCycle: 5,
        contrast: contrast.contrast.bind(contrast),
      });
      const [id] = await store.writeIncidents([
        {
          state: 'open',
          openedAtMs: OPEN,
          lastAnomalyMs: OPEN,
          resolvedAtMs: null,
          severity: 'high',
          symptom,
          anomalies: [],
        },
      ]);
      const incident: GroupedIncident & { id: string } = {
        id: id!,
        openedAtMs: OPEN,
        lastAnomalyMs: OPEN,
        resolvedAtMs: null,
        members: [{ ...symptom, anomalies: 3, firstAnomalyMs: OPEN, maxScore: 0.9999, severity: 'high' }],
      };
      expect(await rca.run([incident], () => [symptom], NOW)).toEqual([]);

      const [analysis] = await store.readIncidentAnalyses([id!]);
      expect(analysis!.causes[0]).toMatchObject({ service: 'payments' });
      expect(analysis!.labelContrast).toHaveLength(1);
      const [dbErrors] = analysis!.labelContrast!;
      // 660 of 720 events during the incident; 360 of 720 in the baseline hour.
      expect(dbErrors).toMatchObject({
        label: 'type',
        value: 'DbError',
        incidentCount: 660,
        baselineCount: 360,
      });
      expect(dbErrors!.incidentShare).toBeCloseTo(660 / 720, 9);
      expect(dbErrors!.baselineShare).toBeCloseTo(365 / 730, 9);
      expect(text()).toContain('HTTP 503');

      answering = false;
      expect(await rca.run([incident], () => [symptom], NOW + STEP)).toEqual([]);
      const [again] = await store.readIncidentAnalyses([id!]);
      expect(again!.analysedAtMs).toBe(NOW + STEP);
      expect(again!.labelContrast).toEqual(analysis!.labelContrast);
    });
  });
});
