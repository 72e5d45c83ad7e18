/**
 * Turns each tracked series' newest detector result into its published score, and every
 * active point fed this cycle into an anomaly record (a catch-up after a restart or an
 * outage records the anomalies it finds in the gap, at their own times).
 */
import type { OmenConfig } from '../config/schema.js';
import type { AnomalyResult } from '../models/types.js';
import { SEVERITY_LEVEL } from '../scores/contract.js';
import type { SeriesScore } from '../scores/series-score.js';
import type { AnomalyRecord, Severity } from '../store/store.js';
import type { PointResult } from './advance-detectors.js';
import type { DetectorMemory } from './detector-memory.js';
import type { ForecastBook } from './forecast-book.js';
import { seriesKey, type SeriesTracker, type TrackedSeries } from './series-tracker.js';
import type { SignalSettings } from './signal-settings.js';

export interface ScoringOutcome {
  scores: SeriesScore[];
  anomalies: AnomalyRecord[];
}

export function severityOf(
  score: number,
  severities: OmenConfig['anomaly']['severities'],
): Severity | undefined {
  if (score >= severities.critical) return 'critical';
  if (score >= severities.high) return 'high';
  if (score >= severities.medium) return 'medium';
  if (score >= severities.low) return 'low';
  return undefined;
}

interface ScoringInput {
  nowMs: number;
  tracker: SeriesTracker;
  memory: DetectorMemory;
  forecasts: ForecastBook | undefined;
  fed: Map<string, PointResult[]>;
  model: string;
  signals: Map<string, SignalSettings>;
  anomaly: OmenConfig['anomaly'];
  /** The score a series must reach to be active (operator feedback raises it); default anomaly.activeAt. */
  activeAt?: (signal: string, service: string) => number;
}

const isActive = (result: AnomalyResult, activeAt: number): boolean =>
  !result.warming && result.score >= activeAt;

const barOf = (series: TrackedSeries, input: ScoringInput): number =>
  input.activeAt?.(series.signal, series.service) ?? input.anomaly.activeAt;

function publishedScore(
  series: TrackedSeries,
  result: AnomalyResult | null,
  input: ScoringInput,
): SeriesScore {
  const stale = input.tracker.isStale(series, input.nowMs);
  const live = stale ? null : result;
  const severity = live && !live.warming ? severityOf(live.score, input.anomaly.severities) : undefined;
  const forecast = input.forecasts?.get(series.signal, series.service)?.view;
  return {
    signal: series.signal,
    service: series.service,
    value: series.lastValue,
    threshold: input.signals.get(series.signal)?.threshold ?? forecast?.threshold,
    lastSampleMs: series.lastSampleMs,
    stale,
    warming: live === null || live.warming,
    anomaly: live
      ? {
          score: live.score,
          active: isActive(live, barOf(series, input)),
          severity: severity ? SEVERITY_LEVEL[severity] : SEVERITY_LEVEL.none,
          expected: live.expected,
        }
      : undefined,
    forecast: stale ? undefined : forecast,
  };
}

function anomalyRecord(series: TrackedSeries, point: PointResult, input: ScoringInput): AnomalyRecord | null {
  const { result } = point;
  const severity = severityOf(result.score, input.anomaly.severities);
  if (!isActive(result, barOf(series, input)) || !severity) return null;
  return {
    signal: series.signal,
    service: series.service,
    timestampMs: point.timestampMs,
    score: result.score,
    severity,
    value: point.value,
    expected: result.expected.point,
    lower: result.expected.lower_95,
    upper: result.expected.upper_95,
    model: input.model,
    kind: result.kind,
    explanation: result.explanation,
  };
}

export function scoreSeries(input: ScoringInput): ScoringOutcome {
  const outcome: ScoringOutcome = { scores: [], anomalies: [] };
  for (const series of input.tracker.all()) {
    const model = input.memory.get(series.signal, series.service);
    outcome.scores.push(publishedScore(series, model?.result ?? null, input));
    for (const point of input.fed.get(seriesKey(series.signal, series.service)) ?? []) {
      const record = anomalyRecord(series, point, input);
      if (record) outcome.anomalies.push(record);
    }
  }
  return outcome;
}
