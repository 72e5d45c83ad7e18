/**
 * Exporter paths with their query strings, built in one place so that every view asks the
 * API the same way and the encoding of user-typed names (signals, services) is never forgotten.
 */

/** GET /api/v1/forecasts: one series' forecast path and breach outlook. */
export function forecastPath(signal: string, service: string): string {
  return `api/v1/forecasts?${new URLSearchParams({ signal, service })}`;
}

/**
 * GET /api/v1/signals/:signal/values: one series' stored values over the last `span` (a
 * duration, `1h`), at most `maxPoints` of them (the exporter averages into steps past that).
 */
export function seriesValuesPath(signal: string, service: string, span: string, maxPoints = 500): string {
  const params = new URLSearchParams({ service, span, maxPoints: String(maxPoints) });
  return `api/v1/signals/${encodeURIComponent(signal)}/values?${params}`;
}

/** The same series from a fixed time (Unix ms, sent as whole seconds) to now: a window anchored on an event. */
export function seriesValuesSincePath(signal: string, service: string, fromMs: number, maxPoints = 500): string {
  const params = new URLSearchParams({
    service,
    from: String(Math.floor(fromMs / 1000)),
    maxPoints: String(maxPoints),
  });
  return `api/v1/signals/${encodeURIComponent(signal)}/values?${params}`;
}

export interface AnomaliesFilter {
  /** This severity or worse. */
  severity?: 'low' | 'medium' | 'high' | 'critical';
  service?: string;
  signal?: string;
  limit?: number;
}

/** GET /api/v1/anomalies, newest first; empty filters are left out rather than sent as `service=`. */
export function anomaliesPath(filter: AnomaliesFilter = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return query ? `api/v1/anomalies?${query}` : 'api/v1/anomalies';
}

/** GET /api/v1/audit for one kind of call (`anomaly.ack`), newest first; optionally one actor's calls only. */
export function auditPath(action: string, limit = 1000, actor?: string): string {
  const params = new URLSearchParams({ action, limit: String(limit) });
  if (actor) {
    params.set('actor', actor);
  }
  return `api/v1/audit?${params}`;
}

/** POST targets for an anomaly: `ack`, or `feedback` with a verdict. */
export function anomalyPath(id: string, what: 'ack' | 'feedback'): string {
  return `api/v1/anomalies/${encodeURIComponent(id)}/${what}`;
}

/** GET /api/v1/incidents?state=open&limit=1: the newest open incident (the API lists newest first). */
export const LATEST_OPEN_INCIDENT_PATH = 'api/v1/incidents?state=open&limit=1';

/** GET /api/v1/incidents/:id: one incident and its member anomalies. */
export function incidentPath(incidentId: string): string {
  return `api/v1/incidents/${encodeURIComponent(incidentId)}`;
}

/** GET /api/v1/incidents/:id/rca: an incident's ranked causes and their evidence. */
export function rcaPath(incidentId: string): string {
  return `api/v1/incidents/${encodeURIComponent(incidentId)}/rca`;
}

/** GET /api/v1/actions: the catalog, with applicability and recommendation when an incident is named. */
export function actionsPath(incidentId?: string): string {
  return incidentId ? `api/v1/actions?${new URLSearchParams({ incidentId })}` : 'api/v1/actions';
}

/** POST /api/v1/actions/:id/execute. */
export function executePath(actionId: string): string {
  return `api/v1/actions/${encodeURIComponent(actionId)}/execute`;
}
