/**
 * GET /api/v1/incidents (filter by state and service; paginated), GET /api/v1/incidents/:id
 * with its member anomalies, and GET /api/v1/incidents/:id/rca with its ranked causes.
 */
import { Router } from 'express';
import type { IncidentAnalysis, IncidentStore, StoredAnomaly, StoredIncident } from '../../store/store.js';
import {
  incidentsQuery,
  type Anomaly,
  type IncidentBody,
  type IncidentResponse,
  type IncidentsResponse,
  type RcaResponse,
} from '../contract.js';
import { ApiError } from '../errors.js';
import { similarTo } from '../similar-incidents.js';
import { pageWithCursor, parseOrThrow } from '../validate.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function incidentBody(incident: StoredIncident): IncidentBody {
  const self = `/api/v1/incidents/${incident.id}`;
  return {
    id: incident.id,
    state: incident.state,
    openedAt: iso(incident.openedAtMs),
    lastAnomalyAt: iso(incident.lastAnomalyMs),
    resolvedAt: incident.resolvedAtMs === null ? null : iso(incident.resolvedAtMs),
    severity: incident.severity,
    symptom: incident.symptom,
    anomalyCount: incident.anomalyCount,
    series: incident.series.map(({ firstAnomalyMs, lastAnomalyMs, ...rest }) => ({
      ...rest,
      firstAnomalyAt: iso(firstAnomalyMs),
      lastAnomalyAt: iso(lastAnomalyMs),
    })),
    links: { self, rca: `${self}/rca` },
  };
}

function anomalyBody({ timestampMs, ...rest }: StoredAnomaly): Anomaly {
  return { ...rest, time: iso(timestampMs) };
}

function rcaBody(
  incident: StoredIncident,
  analysis: IncidentAnalysis | undefined,
): Omit<RcaResponse, 'similar'> {
  return {
    incidentId: incident.id,
    symptom: incident.symptom,
    analysedAt: analysis ? iso(analysis.analysedAtMs) : null,
    model: analysis?.model ?? null,
    causes: (analysis?.causes ?? []).map((cause) => ({
      rank: cause.rank,
      signal: cause.signal,
      service: cause.service,
      score: cause.score,
      // Written by the pipeline's analysis in this shape (pipeline/incident-rca.ts).
      evidence: cause.evidence as RcaResponse['causes'][number]['evidence'],
    })),
    labelContrast: analysis?.labelContrast ?? [],
  };
}

export function incidentsRouter(store: IncidentStore): Router {
  const router = Router();
  router.get('/incidents', async (request, response) => {
    const query = parseOrThrow(incidentsQuery, request.query, 'query');
    const page = await pageWithCursor(() => store.queryIncidents(query));
    const body: IncidentsResponse = { items: page.items.map(incidentBody), nextCursor: page.nextCursor };
    response.json(body);
  });
  router.get('/incidents/:id', async (request, response) => {
    const incident = await found(store, String(request.params.id));
    const body: IncidentResponse = {
      incident: incidentBody(incident),
      anomalies: (await store.incidentAnomalies(incident.id)).map(anomalyBody),
    };
    response.json(body);
  });
  router.get('/incidents/:id/rca', async (request, response) => {
    const incident = await found(store, String(request.params.id));
    const [analysis] = await store.readIncidentAnalyses([incident.id]);
    const body: RcaResponse = {
      ...rcaBody(incident, analysis),
      similar: await similarTo(store, incident, analysis),
    };
    response.json(body);
  });
  return router;
}

async function found(store: IncidentStore, id: string): Promise<StoredIncident> {
  const incident = await store.getIncident(id);
  if (!incident) throw new ApiError(404, 'not_found', `no incident ${id}`);
  return incident;
}
