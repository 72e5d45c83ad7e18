/**
 * The score snapshot: exposition text rendered once per cycle from the cycle's results.
 * A scrape only sends these bytes, so scrapes never wait on models or the store.
 */
import { EXPECTED_BOUNDS, SERIES_METRICS } from './contract.js';
import { labelText, renderGauges, TextGauge, withLabel } from './exposition-text.js';
import { gunzipText, gzipText, type GzippedText } from './gzip-members.js';
import type { ExpectedBand } from '../models/types.js';
import type { ForecastView, SeriesScore, ServiceAnomaly } from './series-score.js';
import type { IncidentScores } from './incident-scores.js';

type SeriesMetric = keyof typeof SERIES_METRICS;
type Gauges = Record<SeriesMetric, TextGauge>;

const SERIES_LABELS = ['signal', 'service'] as const;

function gauges(): Gauges {
  const entries = Object.entries(SERIES_METRICS).map(([key, spec]) => [key, new TextGauge(spec)]);
  return Object.fromEntries(entries) as Gauges;
}

// The same order as String.prototype.localeCompare, without its per-call set-up.
const collator = new Intl.Collator();

function byKey(a: SeriesScore, b: SeriesScore): number {
  return collator.compare(a.signal, b.signal) || collator.compare(a.service, b.service);
}

function setForecast(g: Gauges, labels: string, forecast: ForecastView | undefined): void {
  if (!forecast) return;
  for (const { horizon, band, warming, breachProbability } of forecast.horizons) {
    const atHorizon = withLabel(labels, 'horizon', horizon);
    // While a horizon warms its bounds rest on no errors (zero width) and its probability is
    // uncalibrated: only the point is published, and alert rules see no breach gauge.
    for (const bound of warming ? (['point'] as const) : EXPECTED_BOUNDS)
      g.forecast.add(withLabel(atHorizon, 'bound', bound), band[bound]);
    if (breachProbability !== null) g.breachProbability.add(atHorizon, breachProbability);
  }
  if (!forecast.warming) g.timeToBreach.add(labels, forecast.timeToBreachSeconds ?? Number.POSITIVE_INFINITY);
}

/** omen_rca_score for the top causes of open incidents. */
function setCauses(g: Gauges, incidents: IncidentScores) {
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

/** One series' lines; `incidentOpen` undefined when incidents are off. */
function addSeries(g: Gauges, series: SeriesScore, incidentOpen: boolean | undefined): void {
  const labels = labelText(SERIES_LABELS, { signal: series.signal, service: series.service });
  g.lastSample.add(labels, series.lastSampleMs / 1000);
  if (series.stale) return;
  g.signalValue.add(labels, series.value);
  if (series.threshold !== undefined) g.threshold.add(labels, series.threshold);
  g.warming.add(labels, series.warming ? 1 : 0);
  setForecast(g, labels, series.forecast);
  const expected = expectedBand(series);
  if (expected) {
    for (const bound of EXPECTED_BOUNDS) g.expected.add(withLabel(labels, 'bound', bound), expected[bound]);
  }
  if (incidentOpen !== undefined) g.incidentOpen.add(labels, incidentOpen ? 1 : 0);
  if (!series.anomaly) return;
  g.anomalyScore.add(labels, series.anomaly.score);
  g.anomalyActive.add(labels, series.anomaly.active ? 1 : 0);
  g.anomalySeverity.add(labels, series.anomaly.severity);
}

/**
 * Renders the per-series part of /metrics, gzipped. Order is stable (by signal, service) for golden
 * files. Without `incidents` (incidents off) no incident gauge is published: with them,
 * omen_incident_open is published for every series that exposes scores.
 */
export async function renderScores(
  scores: readonly SeriesScore[],
  services: readonly ServiceAnomaly[] = [],
  incidents?: IncidentScores,
): Promise<GzippedText> {
  const g = gauges();
  const openKey = (k: { signal: string; service: string }) => `${k.signal}\u0000${k.service}`;
  const open = new Set(incidents?.open.map(openKey));
  for (const series of [...scores].sort(byKey)) {
    const incidentOpen = incidents ? open.has(openKey(series)) : undefined;
    addSeries(g, series, incidentOpen);
  }
  for (const { service, score } of services)
    if (score !== null) g.serviceAnomalyScore.set({ service }, score);
  if (incidents) setCauses(g, incidents);
  g.tracked.add(undefined, scores.length);
  return renderGauges(Object.values(g));
}

/**
 * Holds the latest exposition, rendered and gzipped once per cycle rather than on every
 * scrape. Prometheus asks for gzip on every scrape and is sent these bytes as they are; a
 * scraper that does not take gzip gets them decompressed as they are sent (tens of
 * megabytes of text, held only while that response is written). Swapped at the end of each
 * cycle: a scrape sends either the previous cycle's text or the new one, never a mix.
 */
export class ScoreSnapshot {
  private body: GzippedText = { members: [], length: 0 };
  private publishedAtMs: number | undefined;

  publish(exposition: GzippedText | string, atMs: number): void {
    this.body = typeof exposition === 'string' ? gzipText(exposition) : exposition;
    this.publishedAtMs = atMs;
  }

  /** The exposition as text (for tests and tools: a scrape sends `current()`). */
  exposition(): string {
    return gunzipText(this.body);
  }

  /** The body a scrape sends now. */
  current(): GzippedText {
    return this.body;
  }

  lastPublishedMs(): number | undefined {
    return this.publishedAtMs;
  }
}
