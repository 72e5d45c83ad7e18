/** The "similar past incidents" of an incident's RCA answer: recent incidents by signature. */
import { similarIncidents, type IncidentSignature } from '../models/incident/similarity.js';
import type { IncidentAnalysis, IncidentStore, StoredIncident } from '../store/store.js';
import type { RcaResponse } from './contract.js';

/** Incidents looked through, newest first: recent history is what an operator remembers. */
const PAST_LIMIT = 200;
const SHOWN = 5;

const seriesName = (k: { signal: string; service: string }) => `${k.signal}/${k.service}`;

function signature(incident: StoredIncident, analysis: IncidentAnalysis | undefined): IncidentSignature {
  const top = analysis?.causes[0];
  return { id: incident.id, series: incident.series.map(seriesName), topCause: top ? seriesName(top) : null };
}

export async function similarTo(
  store: IncidentStore,
  incident: StoredIncident,
  analysis: IncidentAnalysis | undefined,
): Promise<RcaResponse['similar']> {
  const past = (await store.queryIncidents({ limit: PAST_LIMIT })).items.filter((p) => p.id !== incident.id);
  const analyses = new Map(
    (await store.readIncidentAnalyses(past.map((p) => p.id))).map((a) => [a.incidentId, a]),
  );
  const byId = new Map(past.map((p) => [p.id, p]));
  const found = similarIncidents(
    signature(incident, analysis),
    past.map((p) => signature(p, analyses.get(p.id))),
    SHOWN,
  );
  return found.map(({ id, similarity, sameCause }) => {
    const other = byId.get(id)!;
    const top = analyses.get(id)?.causes[0];
    return {
      id,
      openedAt: new Date(other.openedAtMs).toISOString(),
      state: other.state,
      similarity,
      sameCause,
      topCause: top ? { signal: top.signal, service: top.service } : null,
      link: `/api/v1/incidents/${id}/rca`,
    };
  });
}
