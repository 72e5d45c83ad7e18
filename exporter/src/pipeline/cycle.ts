/**
 * One pipeline cycle, in the order DESIGN fixes: collect → commit to the store → score
 * every series → record anomalies → publish the snapshot. Samples are committed before
 * the scores built on them are published (DESIGN Decision 8).
 */
import type { Logger } from '../log/logger.js';
import type { OmenConfig } from '../config/schema.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { AnomalyDetector } from '../models/types.js';
import { renderScores, type ScoreSnapshot } from '../scores/snapshot.js';
import type { SeriesScore } from '../scores/series-score.js';
import type { Source } from '../sources/source.js';
import type { Store } from '../store/store.js';
import { collectAll, type SourceHealth } from './collect.js';
import { readRanges } from './read-ranges.js';
import { scoreSeries } from './score-series.js';
import type { SeriesTracker } from './series-tracker.js';
import type { SignalSettings } from './signal-settings.js';

export interface CycleDeps {
  sources: readonly Source[];
  store: Store;
  detector: AnomalyDetector;
  tracker: SeriesTracker;
  signals: Map<string, SignalSettings>;
  snapshot: ScoreSnapshot;
  self: SelfMetrics;
  logger: Logger;
  anomaly: OmenConfig['anomaly'];
  intervalMs: number;
  /** Updated in place each cycle; read by /readyz and the API. */
  health: Map<string, SourceHealth>;
  /** Latest per-series scores, for the API. */
  latest: { scores: SeriesScore[] };
}

export async function runCycle(deps: CycleDeps, nowMs: number, abort: AbortSignal): Promise<void> {
  const { fresh, committed } = await collectAll(deps.sources, { nowMs, abort }, deps);
  // Pushed samples were committed when they arrived; only the collected ones are written here.
  deps.tracker.observe(committed);
  await deps.store.writeSamples(fresh);
  deps.tracker.observe(fresh);
  const evicted = deps.tracker.evict(nowMs);
  if (evicted > 0) deps.self.seriesDropped.inc({ reason: 'evicted' }, evicted);

  const windows = await deps.store.readWindows(
    readRanges({
      nowMs,
      intervalMs: deps.intervalMs,
      historyPoints: deps.detector.historyPoints,
      seasonsMs: [...deps.signals.values()].flatMap((s) => (s.seasonMs === null ? [] : [s.seasonMs])),
      seasonsBack: deps.anomaly.seasonsBack,
    }),
  );
  const outcome = scoreSeries({
    nowMs,
    tracker: deps.tracker,
    windows,
    detector: deps.detector,
    signals: deps.signals,
    anomaly: deps.anomaly,
  });
  deps.self.modelRunSuccess.set({ model: deps.detector.name }, outcome.failures.length === 0 ? 1 : 0);
  if (outcome.failures.length > 0) {
    deps.logger.warn(
      { model: deps.detector.name, failed: outcome.failures.length, first: outcome.failures[0] },
      'model failed on some series',
    );
  }
  await deps.store.writeAnomalies(outcome.anomalies);
  deps.latest.scores = outcome.scores;
  deps.snapshot.publish(await renderScores(outcome.scores), nowMs);
}
