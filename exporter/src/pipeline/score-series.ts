/**
 * Runs the anomaly detector over every tracked series, each run isolated: a model that
 * throws on one series costs that series its score and sets `omen_model_run_success=0`;
 * the other series go on.
 */
import type { OmenConfig } from '../config/schema.js';
import type { AnomalyDetector, AnomalyResult } from '../models/types.js';
import { SEVERITY_LEVEL } from '../scores/contract.js';
import type { SeriesScore } from '../scores/series-score.js';
import type { AnomalyRecord, Severity, SeriesWindow } from '../store/store.js';
import { seriesKey, type SeriesTracker, type TrackedSeries } from './series-tracker.js';
import type { SignalSettings } from './signal-settings.js';

export interface ScoringOutcome {
  scores: SeriesScore[];
  anomalies: AnomalyRecord[];
  failures: { signal: string; service: string; error: string }[];
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
  windows: readonly SeriesWindow[];
  detector: AnomalyDetector;
  signals: Map<string, SignalSettings>;
  anomaly: OmenConfig['anomaly'];
}

export function scoreSeries(input: ScoringInput): ScoringOutcome {
  const windows = new Map(input.windows.map((window) => [seriesKey(window.signal, window.service), window]));
  const outcome: ScoringOutcome = { scores: [], anomalies: [], failures: [] };
  for (const series of input.tracker.all()) {
    const settings = input.signals.get(series.signal);
    const stale = input.tracker.isStale(series, input.nowMs);
    const window = windows.get(seriesKey(series.signal, series.service));
    let result: AnomalyResult | null = null;
    if (!stale && window && settings) {
      try {
        result = input.detector.score(window, { seasonMs: settings.seasonMs });
      } catch (error) {
        outcome.failures.push({ signal: series.signal, service: series.service, error: String(error) });
      }
    }
    const { score, anomaly } = judge(series, settings, stale, result, input);
    outcome.scores.push(score);
    if (anomaly) outcome.anomalies.push(anomaly);
  }
  return outcome;
}

/** Turns one model result into the series' published score, and an anomaly record when it is active. */
function judge(
  series: TrackedSeries,
  settings: SignalSettings | undefined,
  stale: boolean,
  result: AnomalyResult | null,
  { anomaly: config, detector }: ScoringInput,
): { score: SeriesScore; anomaly?: AnomalyRecord } {
  const severity = result && !result.warming ? severityOf(result.score, config.severities) : undefined;
  const active = result !== null && !result.warming && result.score >= config.activeAt;
  const score: SeriesScore = {
    signal: series.signal,
    service: series.service,
    value: series.lastValue,
    threshold: settings?.threshold,
    lastSampleMs: series.lastSampleMs,
    stale,
    warming: result === null || result.warming,
    anomaly: result
      ? {
          score: result.score,
          active,
          severity: severity ? SEVERITY_LEVEL[severity] : SEVERITY_LEVEL.none,
          expected: result.expected,
        }
      : undefined,
  };
  if (!result || !active || !severity) return { score };
  return {
    score,
    anomaly: {
      signal: series.signal,
      service: series.service,
      timestampMs: series.lastSampleMs,
      score: result.score,
      severity,
      value: series.lastValue,
      expected: result.expected.point,
      lower: result.expected.lower_95,
      upper: result.expected.upper_95,
      model: detector.name,
      explanation: result.explanation,
    },
  };
}
