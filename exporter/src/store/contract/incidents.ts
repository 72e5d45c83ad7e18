/**
 * Incidents and their root-cause analyses (issue 7).
 */
import type { OverRepresentedValue } from '../../models/rca/label-contrast.js';
import type { SeriesKey, Severity } from './samples.js';
import type { StoredAnomaly } from './anomalies.js';

export type IncidentState = 'open' | 'resolved';

/** An anomaly named by what makes it unique in the store (its id is the store's). */
export interface AnomalyRef extends SeriesKey {
  model: string;
  timestampMs: number;
}

/** An incident as the pipeline keeps it: its state and the series it is about. */
export interface IncidentRecord {
  state: IncidentState;
  openedAtMs: number;
  lastAnomalyMs: number;
  resolvedAtMs: number | null;
  /** The worst severity among its anomalies. */
  severity: Severity;
  /** The series the incident is about: the one its root-cause analysis explains. */
  symptom: SeriesKey;
}

/** One write of an incident: new without `id`; `anomalies` are added to its members. */
export interface IncidentWrite extends IncidentRecord {
  id?: string;
  anomalies: readonly AnomalyRef[];
}

/** One member series of an incident, summed over its anomalies. */
export interface IncidentSeries extends SeriesKey {
  anomalies: number;
  firstAnomalyMs: number;
  lastAnomalyMs: number;
  maxScore: number;
  severity: Severity;
}

export interface StoredIncident extends IncidentRecord {
  id: string;
  /** Member series, worst first. */
  series: IncidentSeries[];
  anomalyCount: number;
}

export interface IncidentQuery {
  state?: IncidentState;
  /** Incidents with a member series of this service. */
  service?: string;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface IncidentPage {
  items: StoredIncident[];
  nextCursor: string | null;
}

/** One ranked cause of an incident's symptom, with the ranker's evidence. */
export interface IncidentCause extends SeriesKey {
  rank: number;
  /** Share of the ranking's total score, 0..1 (what omen_rca_score publishes). */
  score: number;
  evidence: Record<string, unknown>;
}

export interface IncidentAnalysis {
  incidentId: string;
  analysedAtMs: number;
  model: string;
  causes: IncidentCause[];
  /** The symptom's over-represented label values, most surprising first; absent: none read. */
  labelContrast?: OverRepresentedValue[];
}

export interface IncidentStore {
  /** In one transaction; returns each incident's id, in input order. */
  writeIncidents(incidents: readonly IncidentWrite[]): Promise<string[]>;
  queryIncidents(query: IncidentQuery): Promise<IncidentPage>;
  /** Null when there is no such incident. */
  getIncident(id: string): Promise<StoredIncident | null>;
  /** The incident's member anomalies, oldest first. */
  incidentAnomalies(id: string): Promise<StoredAnomaly[]>;
  /** Replaces the incident's causes with this analysis. */
  writeIncidentAnalysis(analysis: IncidentAnalysis): Promise<void>;
  /** The latest analysis of each incident asked for (incidents never analysed are left out). */
  readIncidentAnalyses(ids: readonly string[]): Promise<IncidentAnalysis[]>;
}
