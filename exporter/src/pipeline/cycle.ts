/**
 * One pipeline cycle, in the order DESIGN fixes: collect → commit to the store → feed
 * every series' new samples to its detector → record anomalies → publish the snapshot →
 * save a slice of the detector states. Samples are committed before the scores built on
 * them are published (DESIGN Decision 8).
 */
import type { ActionRecommendations } from '../actions/recommendations.js';
import type { Logger } from '../log/logger.js';
import type { OmenConfig } from '../config/schema.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { AnomalyDetector } from '../models/types.js';
import { SERVICE_FOREST } from '../models/anomaly/service-forest.js';
import { renderScores, type ScoreSnapshot } from '../scores/snapshot.js';
import type { SeriesScore, ServiceAnomaly } from '../scores/series-score.js';
import type { Source } from '../sources/source.js';
import type { Store } from '../store/store.js';
import { collectAll, type SourceHealth } from './collect.js';
import { advanceDetectors } from './advance-detectors.js';
import { advanceForecasts } from './advance-forecasts.js';
import type { ForecastBook } from './forecast-book.js';
import type { ForecastSettings } from './forecast-settings.js';
import type { DetectorMemory } from './detector-memory.js';
import type { ModelLifecycle } from './model-lifecycle.js';
import { publishModelMetrics } from './model-metrics.js';
import { incidentStage, type IncidentStageDeps } from './incident-stage.js';
import { scoreSeries } from './score-series.js';
import type { SeriesTracker, TrackedSeries } from './series-tracker.js';
import type { ServiceAnomalies } from './service-anomalies.js';
import type { SignalSettings } from './signal-settings.js';

export interface CycleDeps {
  sources: readonly Source[];
  store: Store;
  detector: AnomalyDetector;
  /** Each series' detector state between cycles (and in the store across restarts). */
  memory: DetectorMemory;
  tracker: SeriesTracker;
  signals: Map<string, SignalSettings>;
  snapshot: ScoreSnapshot;
  self: SelfMetrics;
  logger: Logger;
  anomaly: OmenConfig['anomaly'];
  intervalMs: number;
  /** Updated in place each cycle; read by /readyz and the API. */
  health: Map<string, SourceHealth>;
  /** Forecasts and breach outlooks; absent when `forecast.enabled` is false. */
  forecasts?: { book: ForecastBook; settings: ForecastSettings; lifecycle?: ModelLifecycle };
  /** The per-service multivariate detector; absent when `anomaly.services.enabled` is false. */
  services?: ServiceAnomalies;
  /** Incidents and their root-cause analysis; absent when `incidents.enabled` is false. */
  incidents?: IncidentStageDeps;
  /** Ranks the actions recommended for each open incident (omen_action_recommended). */
  recommendations?: Pick<ActionRecommendations, 'update'>;
  /** Each series' active bar after operator feedback (the false-positive rule); absent: anomaly.activeAt. */
  sensitivity?: { activeAt(signal: string, service: string, nowMs: number): number };
  /** Latest per-series scores, for the API. */
  latest: { scores: SeriesScore[]; services?: ServiceAnomaly[] };
}

/**
 * Replayed points per cycle: about a fifth of a core's time at ~10 µs a point, so replays
 * after a first start on a full store never crowd out the cycle (20 points per ms of interval).
 */
function replayBudget(intervalMs: number): number {
  return Math.max(10_000, Math.round(intervalMs * 20));
}

export async function runCycle(deps: CycleDeps, nowMs: number, abort: AbortSignal): Promise<void> {
  const { fresh, committed } = await collectAll(deps.sources, { nowMs, abort }, deps);
  // Pushed samples were committed when they arrived; only the collected ones are written here.
  deps.tracker.observe(committed);
  await deps.store.writeSamples(fresh);
  deps.tracker.observe(fresh);
  const evicted = deps.tracker.evict(nowMs);
  if (evicted > 0) deps.self.seriesDropped.inc({ reason: 'evicted' }, evicted);

  // An evicted series is forgotten by its detector too; it starts over if it returns.
  deps.memory.retain((signal, service) => deps.tracker.get(signal, service) !== undefined);
  deps.forecasts?.book.retain((signal, service) => deps.tracker.get(signal, service) !== undefined);
  deps.forecasts?.lifecycle?.retain((signal, service) => deps.tracker.get(signal, service) !== undefined);
  const live = deps.tracker.all().filter((series) => !deps.tracker.isStale(series, nowMs));
  const advanced = await advanceDetectors({
    nowMs,
    series: live,
    store: deps.store,
    detector: deps.detector,
    memory: deps.memory,
    signals: deps.signals,
    // The detector's history at the pipeline's pace, with slack for missed cycles.
    replaySpanMs: Math.ceil(deps.detector.historyPoints * 1.1 + 2) * deps.intervalMs,
    replayBudgetPoints: replayBudget(deps.intervalMs),
    keepFrom: deps.anomaly.activeAt,
  });
  if (advanced.replayed > 0) {
    deps.logger.info(
      { replayed: advanced.replayed, waiting: advanced.replayWaiting },
      'detectors replayed from the store (series waiting are warming until their turn)',
    );
  }
  deps.self.modelRunSuccess.set({ model: deps.detector.name }, advanced.failures.length === 0 ? 1 : 0);
  if (advanced.failures.length > 0) {
    deps.logger.warn(
      { model: deps.detector.name, failed: advanced.failures.length, first: advanced.failures[0] },
      'model failed on some series; their states are rebuilt from the store next cycle',
    );
  }
  await forecastStage(deps, live, nowMs);
  const outcome = scoreSeries({
    nowMs,
    tracker: deps.tracker,
    memory: deps.memory,
    forecasts: deps.forecasts?.book,
    fed: advanced.fed,
    model: deps.detector.name,
    signals: deps.signals,
    anomaly: deps.anomaly,
    activeAt: deps.sensitivity && ((signal, service) => deps.sensitivity!.activeAt(signal, service, nowMs)),
  });
  await deps.store.writeAnomalies(outcome.anomalies);
  const incidents = await incidentStage(deps, outcome.anomalies, nowMs);
  if (incidents && deps.incidents) deps.recommendations?.update(deps.incidents.book.open(), incidents.causes);
  const services = serviceStage(deps, live, nowMs);
  deps.latest.scores = outcome.scores;
  deps.latest.services = services;
  deps.snapshot.publish(await renderScores(outcome.scores, services, incidents), nowMs);
  await deps.memory.saveSlice(nowMs);
  await measureStoreMemory(deps);
}

/** After the cycle's reads, what DuckDB holds; a failure leaves the last figure standing. */
async function measureStoreMemory(deps: CycleDeps): Promise<void> {
  if (!deps.self.storeMemory) return;
  const bytes = await deps.store.memoryBytes().catch(() => undefined);
  if (bytes !== undefined) deps.self.storeMemory.set(bytes);
}

async function forecastStage(deps: CycleDeps, live: TrackedSeries[], nowMs: number): Promise<void> {
  if (!deps.forecasts) return;
  const { book, settings, lifecycle } = deps.forecasts;
  const outcome = await advanceForecasts({
    nowMs,
    series: live,
    store: deps.store,
    book,
    settings,
    signals: deps.signals,
    elapsedMs: () => performance.now(),
    lifecycle,
  });
  if (lifecycle) await recordLifecycle(deps, lifecycle);
  const model = settings.forecaster.name;
  deps.self.modelRunSuccess.set({ model }, outcome.failures.length === 0 ? 1 : 0);
  if (outcome.failures.length > 0) {
    deps.logger.warn(
      { model, failed: outcome.failures.length, first: outcome.failures[0] },
      'forecaster failed on some series; they are refitted from the store',
    );
  }
  if (outcome.fitted > 0 || outcome.waiting > 0) {
    deps.logger.debug({ model, fitted: outcome.fitted, waiting: outcome.waiting }, 'forecasts fitted');
  }
}

/** The catalog write failing costs nothing but time: its rows are kept for the next cycle. */
async function recordLifecycle(deps: CycleDeps, lifecycle: ModelLifecycle): Promise<void> {
  try {
    await lifecycle.flush();
  } catch (error) {
    deps.logger.warn(
      { model: lifecycle.model, err: String(error) },
      'model catalog write failed; retried next cycle',
    );
  }
  publishModelMetrics(deps.self, lifecycle);
}

/** One failure costs the service scores of this cycle, never the cycle. */
function serviceStage(deps: CycleDeps, live: TrackedSeries[], nowMs: number): ServiceAnomaly[] {
  if (!deps.services) return [];
  try {
    const services = deps.services.update(live, nowMs);
    deps.self.modelRunSuccess.set({ model: SERVICE_FOREST }, 1);
    return services;
  } catch (error) {
    deps.self.modelRunSuccess.set({ model: SERVICE_FOREST }, 0);
    deps.logger.warn(
      { model: SERVICE_FOREST, err: String(error) },
      'service anomaly scores failed this cycle',
    );
    return [];
  }
}
