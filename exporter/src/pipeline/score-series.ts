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
import { seriesKey, type SeriesTracker } from './series-tracker.js';
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

export function scoreSeries(input: {
  nowMs: number;
  tracker: SeriesTracker;
  windows: readonly SeriesWindow[];
  detector: AnomalyDetector;
  signals: Map<string, SignalSettings>;
  anomaly: OmenConfig['anomaly'];
}): ScoringOutcome {
  const { nowMs, tracker, detector, signals, anomaly } = input;
  const windows = new Map(input.windows.map((window) => [seriesKey(window.signal, window.service), window]));
  const outcome: ScoringOutcome = { scores: [], anomalies: [], failures: [] };

  for (const series of tracker.all()) {
    const settings = signals.get(series.signal);
    const stale = tracker.isStale(series, nowMs);
    const window = windows.get(seriesKey(series.signal, series.service));
    let result: AnomalyResult | null = null;
    if (!stale && window && settings) {
      try {
        result = detector.score(window, { seasonMs: settings.seasonMs });
      } catch (error) {
        outcome.failures.push({ signal: series.signal, service: series.service, error: String(error) });
      }
    }
    const severity = result ? severityOf(result.score, anomaly.severities) : undefined;
    const active = result !== null && !result.warming && result.score >= anomaly.activeAt;
    outcome.scores.push({
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
            severity: !result.warming && severity ? SEVERITY_LEVEL[severity] : SEVERITY_LEVEL.none,
            expected: result.expected,
          }
        : undefined,
    });
    if (result && active && severity) {
      outcome.anomalies.push({
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
      });
    }
  }
  return outcome;
}
