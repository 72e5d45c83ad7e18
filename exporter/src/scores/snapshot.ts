/**
 * The score snapshot: exposition text rendered once per cycle from the cycle's results.
 * A scrape only sends these bytes, so scrapes never wait on models or the store.
 */
import { EXPECTED_BOUNDS, SERIES_METRICS } from './contract.js';
import { renderGauges, TextGauge } from './exposition-text.js';
import type { ExpectedBand } from '../models/types.js';
import type { ForecastView, SeriesScore, ServiceAnomaly } from './series-score.js';
import type { IncidentScores } from './incident-scores.js';

type SeriesMetric = keyof typeof SERIES_METRICS;

function gauges() {
  const entries = Object.entries(SERIES_METRICS).map(([key, spec]) => [key, new TextGauge(spec)]);
  return Object.fromEntries(entries) as Record<SeriesMetric, TextGauge>;
}

function byKey(a: SeriesScore, b: SeriesScore): number {
  return a.signal.localeCompare(b.signal) || a.service.localeCompare(b.service);
}

function setForecast(
  g: Record<SeriesMetric, TextGauge>,
  labels: { signal: string; service: string },
  forecast: ForecastView | undefined,
): void {
  if (!forecast) return;
  for (const { horizon, band, warming, breachProbability } of forecast.horizons) {
    // While a horizon warms its bounds rest on no errors (zero width) and its probability is
    // uncalibrated: only the point is published, and alert rules see no breach gauge.
    for (const bound of warming ? (['point'] as const) : EXPECTED_BOUNDS)
      g.forecast.set({ ...labels, horizon, bound }, band[bound]);
    if (breachProbability !== null) g.breachProbability.set({ ...labels, horizon }, breachProbability);
  }
  if (!forecast.warming) g.timeToBreach.set(labels, forecast.timeToBreachSeconds ?? Number.POSITIVE_INFINITY);
}

/** omen_incident_open for every series that exposes scores; omen_rca_score for the top causes. */
function setIncidents(
  g: Record<SeriesMetric, TextGauge>,
  scores: readonly SeriesScore[],
  incidents: IncidentScores,
) {
  const key = (k: { signal: string; service: string }) => `${k.signal}\u0000${k.service}`;
  const open = new Set(incidents.open.map(key));
  for (const series of [...scores].sort(byKey)) {
    if (series.stale) continue;
    g.incidentOpen.set({ signal: series.signal, service: series.service }, open.has(key(series)) ? 1 : 0);
  }
  for (const { symptom, cause, score } of incidents.causes) {
    const labels = { symptom_signal: symptom.signal, symptom_service: symptom.service };
    g.rcaScore.set({ ...labels, cause_signal: cause.signal, cause_service: cause.service }, score);
  }
}

/** The forecaster owns omen_expected once its next step has warmed (DESIGN Decision 14). */
function expectedBand(series: SeriesScore): ExpectedBand | undefined {
  const forecast = series.forecast;
  return forecast && !forecast.expectedWarming ? forecast.expected : series.anomaly?.expected;
}

/**
 * Renders the per-series part of /metrics. Order is stable (by signal, service) for golden
 * files. Without `incidents` (incidents off) no incident gauge is published.
 */
export async function renderScores(
  scores: readonly SeriesScore[],
  services: readonly ServiceAnomaly[] = [],
  incidents?: IncidentScores,
): Promise<string> {
  const g = gauges();
  for (const series of [...scores].sort(byKey)) {
    const labels = { signal: series.signal, service: series.service };
    g.lastSample.set(labels, series.lastSampleMs / 1000);
    if (series.stale) continue;
    g.signalValue.set(labels, series.value);
    if (series.threshold !== undefined) g.threshold.set(labels, series.threshold);
    g.warming.set(labels, series.warming ? 1 : 0);
    setForecast(g, labels, series.forecast);
    const expected = expectedBand(series);
    if (expected) for (const bound of EXPECTED_BOUNDS) g.expected.set({ ...labels, bound }, expected[bound]);
    if (!series.anomaly) continue;
    g.anomalyScore.set(labels, series.anomaly.score);
    g.anomalyActive.set(labels, series.anomaly.active ? 1 : 0);
    g.anomalySeverity.set(labels, series.anomaly.severity);
  }
  for (const { service, score } of services)
    if (score !== null) g.serviceAnomalyScore.set({ service }, score);
  if (incidents) setIncidents(g, scores, incidents);
  g.tracked.set(scores.length);
  return renderGauges(Object.values(g));
}

/**
 * Holds the latest rendered text, and its UTF-8 bytes encoded once here rather than on
 * every scrape; swapped atomically at the end of each cycle.
 */
export class ScoreSnapshot {
  private text = '';
  private encoded: Buffer = Buffer.alloc(0);
  private publishedAtMs: number | undefined;

  publish(text: string, atMs: number): void {
    this.text = text;
    this.encoded = Buffer.from(text, 'utf8');
    this.publishedAtMs = atMs;
  }

  exposition(): string {
    return this.text;
  }

  /** The exposition as sent: what a scrape writes to the socket. */
  bytes(): Buffer {
    return this.encoded;
  }

  lastPublishedMs(): number | undefined {
    return this.publishedAtMs;
  }
}
