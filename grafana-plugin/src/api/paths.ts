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

/** GET /api/v1/audit for one kind of call (`anomaly.ack`), newest first. */
export function auditPath(action: string, limit = 1000): string {
  return `api/v1/audit?${new URLSearchParams({ action, limit: String(limit) })}`;
}

/** POST targets for an anomaly: `ack`, or `feedback` with a verdict. */
export function anomalyPath(id: string, what: 'ack' | 'feedback'): string {
  return `api/v1/anomalies/${encodeURIComponent(id)}/${what}`;
}
