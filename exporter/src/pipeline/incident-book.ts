/**
 * Incidents in the pipeline: each cycle the anomalies just recorded are grouped into
 * incidents (models/incident/grouping.ts), and what changed is stored. The open incidents
 * are kept in memory and restored from the store at start, so a restart neither loses nor
 * duplicates an incident.
 */
import { parseDuration } from '../config/duration.js';
import type { IncidentsConfig } from '../config/incident-schema.js';
import { downstreamOf } from '../models/rca/graph.js';
import {
  groupAnomalies,
  rootsOf,
  symptomOf,
  worstSeverity,
  type GroupedIncident,
  type GroupingParams,
  type GroupingState,
} from '../models/incident/grouping.js';
import type { AnomalyRecord, IncidentStore, IncidentWrite, SeriesKey } from '../store/store.js';

export const INCIDENT_GROUPING = 'incident_grouping';

/** Open incidents restored at start, at most; more would be an incident storm to clear by hand. */
const RESTORE_LIMIT = 1000;

export function groupingParams(
  incidents: IncidentsConfig,
  calls: ReadonlyMap<string, readonly string[]> | undefined,
): GroupingParams {
  return {
    windowMs: parseDuration(incidents.window),
    quietMs: parseDuration(incidents.quietPeriod),
    minAnomalies: incidents.minAnomalies,
    openAt: incidents.openAt,
    // Related: one depends on the other, directly or not (trouble flows along calls).
    related: calls && ((a, b) => downstreamOf(calls, a).has(b) || downstreamOf(calls, b).has(a)),
    calls,
  };
}

export class IncidentBook {
  private state: GroupingState = { open: [], pool: [] };

  constructor(
    private readonly store: IncidentStore,
    /** Asked at each use: the call graph may have been learned again since. */
    private readonly params: () => GroupingParams,
  ) {}

  async restore(): Promise<number> {
    const { calls } = this.params();
    const page = await this.store.queryIncidents({ state: 'open', limit: RESTORE_LIMIT });
    this.state = {
      pool: [],
      open: page.items.map((incident) => ({
        id: incident.id,
        openedAtMs: incident.openedAtMs,
        lastAnomalyMs: incident.lastAnomalyMs,
        resolvedAtMs: null,
        roots:
          calls &&
          rootsOf(
            incident.series.map((s) => s.service),
            calls,
          ),
        members: incident.series.map((s) => ({
          signal: s.signal,
          service: s.service,
          anomalies: s.anomalies,
          firstAnomalyMs: s.firstAnomalyMs,
          maxScore: s.maxScore,
          severity: s.severity,
        })),
      })),
    };
    return this.state.open.length;
  }

  /** Groups this cycle's anomalies and stores every incident that changed. */
  async update(anomalies: readonly AnomalyRecord[], nowMs: number): Promise<void> {
    const outcome = groupAnomalies(this.state, anomalies, nowMs, this.params());
    const writes: IncidentWrite[] = outcome.changed.map(({ incident, added }) => ({
      ...(incident.id === null ? {} : { id: incident.id }),
      ...record(incident),
      anomalies: added,
    }));
    let ids: string[];
    try {
      ids = await this.store.writeIncidents(writes);
    } catch (error) {
      // The state stays as stored; this cycle's anomalies wait in the pool and are
      // grouped again with the next cycle's.
      this.state = { ...this.state, pool: [...this.state.pool, ...anomalies] };
      throw error;
    }
    outcome.changed.forEach(({ incident }, i) => {
      incident.id = ids[i] ?? null;
    });
    this.state = outcome.state;
  }

  /** Open incidents that are stored (all of them, once a cycle has completed). */
  open(): (GroupedIncident & { id: string })[] {
    return this.state.open.filter(
      (incident): incident is GroupedIncident & { id: string } => incident.id !== null,
    );
  }

  /** Every member series of an open incident: omen_incident_open = 1. */
  openSeries(): SeriesKey[] {
    const seen = new Map<string, SeriesKey>();
    for (const incident of this.state.open)
      for (const { signal, service } of incident.members)
        seen.set(`${signal}\u0000${service}`, { signal, service });
    return [...seen.values()];
  }
}

function record(incident: GroupedIncident): Omit<IncidentWrite, 'id' | 'anomalies'> {
  const symptom = symptomOf(incident);
  return {
    state: incident.resolvedAtMs === null ? 'open' : 'resolved',
    openedAtMs: incident.openedAtMs,
    lastAnomalyMs: incident.lastAnomalyMs,
    resolvedAtMs: incident.resolvedAtMs,
    severity: worstSeverity(incident.members),
    symptom: { signal: symptom.signal, service: symptom.service },
  };
}
