/**
 * The score snapshot: exposition text rendered once per cycle from the cycle's results.
 * A scrape only sends these bytes, so scrapes never wait on models or the store.
 */
import { constants, createGzip, gzipSync, type ZlibOptions } from 'node:zlib';
import { EXPECTED_BOUNDS, SERIES_METRICS } from './contract.js';
import { labelText, partsText, renderGauges, TextGauge, withLabel } from './exposition-text.js';
import type { ExpectedBand } from '../models/types.js';
import type { ForecastView, SeriesScore, ServiceAnomaly } from './series-score.js';
import type { IncidentScores } from './incident-scores.js';

type SeriesMetric = keyof typeof SERIES_METRICS;
type Gauges = Record<SeriesMetric, TextGauge>;

// Level 1: the text is so repetitive that higher levels buy a few percent of size for
// several times the CPU (measured by test/bench/pipeline.ts).
const GZIP_OPTIONS: ZlibOptions = { level: constants.Z_BEST_SPEED };
const emptyGzip = gzipSync(Buffer.alloc(0), GZIP_OPTIONS);

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
 * Renders the per-series part of /metrics, as UTF-8 parts. Order is stable (by signal, service) for golden
 * files. Without `incidents` (incidents off) no incident gauge is published: with them,
 * omen_incident_open is published for every series that exposes scores.
 */
export async function renderScores(
  scores: readonly SeriesScore[],
  services: readonly ServiceAnomaly[] = [],
  incidents?: IncidentScores,
): Promise<Buffer[]> {
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

/** Gzips `parts` as one member, in libuv's thread pool. */
function gzipParts(parts: readonly Buffer[], done: (result: Buffer | undefined) => void): void {
  const zip = createGzip(GZIP_OPTIONS);
  const out: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => out.push(chunk));
  zip.on('end', () => done(Buffer.concat(out)));
  zip.on('error', () => done(undefined));
  for (const part of parts) zip.write(part);
  zip.end();
}

/** What a scrape sends: the exposition as UTF-8 parts, and gzipped once that is ready. */
export interface SnapshotBody {
  /** The uncompressed parts, in order. */
  parts: readonly Buffer[];
  gzipped: Buffer | undefined;
  /** Bytes of the uncompressed exposition. */
  length: number;
}

/**
 * Holds the latest exposition, encoded once per cycle rather than on every scrape, and,
 * shortly after, gzipped once in libuv's thread pool: Prometheus asks for gzip on every
 * scrape, and 10 000 series make tens of megabytes of text that compress about tenfold.
 * The uncompressed text stays in the render's chunks (never copied into one buffer), for
 * scrapers that do not take gzip: decompressing for them took over 300 ms here. Swapped
 * atomically at the end of each cycle; a scrape that arrives before the new gzip is ready
 * gets the new bytes uncompressed, never the previous cycle's.
 */
export class ScoreSnapshot {
  private body: SnapshotBody = { parts: [], gzipped: emptyGzip, length: 0 };
  private generation = 0;
  private publishedAtMs: number | undefined;

  publish(exposition: readonly Buffer[] | string, atMs: number): void {
    const parts = typeof exposition === 'string' ? [Buffer.from(exposition, 'utf8')] : exposition;
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    this.body = { parts, gzipped: undefined, length };
    this.publishedAtMs = atMs;
    const generation = (this.generation += 1);
    gzipParts(parts, (gzipped) => {
      // An older cycle's late result must not pair with newer bytes; on an error the
      // snapshot simply stays uncompressed until the next cycle.
      if (gzipped && generation === this.generation) this.body = { parts, gzipped, length };
    });
  }

  /** The exposition as text (for tests and tools: a scrape sends `current()`). */
  exposition(): string {
    return partsText(this.body.parts);
  }

  /** The bytes a scrape sends now. */
  current(): SnapshotBody {
    return this.body;
  }

  /** The exposition gzipped, once that is ready. */
  gzipped(): Buffer | undefined {
    return this.body.gzipped;
  }

  lastPublishedMs(): number | undefined {
    return this.publishedAtMs;
  }
}
