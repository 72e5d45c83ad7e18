/**
 * Short, ranked findings from the store's aggregates (GET /api/v1/insights). Pure, so each
 * rule is tested on numbers. Signals are defined so that higher is worse (DESIGN Decision
 * 6): only rises are findings.
 *
 * - trend: the mean of the last period against the one before rose by TREND_AT or more;
 * - capacity: at the rate between those two means, the series reaches its threshold within
 *   CAPACITY_PERIODS periods;
 * - noisy: the series was anomalous on a share of its points far above what its activation
 *   level allows — a candidate for feedback or a different threshold;
 * - recurring: the series peaks at about the same local time on most days
 *   (models/pattern/recurring-peaks.ts, told by recurring-finding.ts).
 */
import type { RecurringPeak } from '../models/pattern/recurring-peaks.js';
import type { RangeMeans, SeriesKey, TimeRange } from '../store/store.js';
import { recurringFinding } from './recurring-finding.js';

export type FindingKind = 'trend' | 'capacity' | 'noisy' | 'recurring';

export interface Finding extends SeriesKey {
  kind: FindingKind;
  /** 0..1; findings are ranked by it. */
  score: number;
  title: string;
  /** An API path where the evidence is. */
  evidence: string;
  details: Record<string, number>;
}

export interface FindingsInput {
  periodMs: number;
  /** The period as the user wrote it, e.g. `7d`. */
  period: string;
  nowMs: number;
  /** Per series: [mean of the period before, mean of the last period]. */
  means: readonly RangeMeans[];
  /** Per series: its latest value and threshold (from the pipeline's scores). */
  current: ReadonlyMap<string, { value: number; threshold: number | undefined }>;
  /** Anomalies per series in the last period. */
  anomalies: readonly (SeriesKey & { count: number })[];
  /** Points a series gets per period (the period over the pipeline interval). */
  pointsPerPeriod: number;
  /** Daily peaks found over `range` (absent when the period is too short for them). */
  recurring?: { peaks: readonly RecurringPeak[]; range: TimeRange };
}

export const TREND_AT = 0.25;
export const CAPACITY_PERIODS = 4;
/** Anomalous on 2% of its points: four times what the default activation level (0.995) allows. */
export const NOISY_SHARE = 0.02;
export const NOISY_MIN = 10;

const WEEK_MS = 7 * 86_400_000;

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number';

export const keyOf = (k: SeriesKey) => `${k.signal}\u0000${k.service}`;
const name = (k: SeriesKey) => `${k.signal} of ${k.service}`;
const number = (x: number) => Number(x.toPrecision(3)).toString();
const query = (k: SeriesKey) =>
  `signal=${encodeURIComponent(k.signal)}&service=${encodeURIComponent(k.service)}`;

/** `9 days`, `5 hours`, `12 minutes`: the largest unit that keeps the number at least 1. */
export function humanDuration(ms: number): string {
  const units: [string, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, size] of units) {
    const n = Math.round(ms / size);
    if (n >= 1 || unit === 'minute') return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return '';
}

function trend(series: RangeMeans, input: FindingsInput): Finding | null {
  const [before, last] = series.means;
  if (!isNumber(before) || !isNumber(last) || !(before > 0)) return null;
  const rise = (last - before) / before;
  if (rise < TREND_AT) return null;
  const over =
    input.periodMs === WEEK_MS
      ? 'week over week'
      : `over the last ${input.period} against the ${input.period} before`;
  return {
    kind: 'trend',
    signal: series.signal,
    service: series.service,
    score: Math.min(1, Math.log2(1 + rise) / 3),
    title: `${name(series)} is up ${Math.round(rise * 100)}% ${over} (${number(before)} → ${number(last)})`,
    evidence: `/api/v1/forecasts?${query(series)}`,
    details: { before, last, rise },
  };
}

function capacity(series: RangeMeans, input: FindingsInput): Finding | null {
  const [before, last] = series.means;
  const now = input.current.get(keyOf(series));
  if (!isNumber(before) || !isNumber(last) || now?.threshold === undefined) return null;
  // The two means are a period apart: their difference per period is the current trend.
  const perMs = (last - before) / input.periodMs;
  if (!(perMs > 0) || now.value >= now.threshold) return null;
  const inMs = (now.threshold - now.value) / perMs;
  const horizonMs = CAPACITY_PERIODS * input.periodMs;
  if (inMs > horizonMs) return null;
  return {
    kind: 'capacity',
    signal: series.signal,
    service: series.service,
    score: 0.5 + 0.5 * (1 - inMs / horizonMs),
    title: `${name(series)} reaches its threshold ${number(now.threshold)} in about ${humanDuration(inMs)} at the current trend`,
    evidence: `/api/v1/forecasts?${query(series)}`,
    details: { value: now.value, threshold: now.threshold, seconds: Math.round(inMs / 1000) },
  };
}

function noisy(series: SeriesKey & { count: number }, input: FindingsInput): Finding | null {
  const share = series.count / Math.max(1, input.pointsPerPeriod);
  if (series.count < NOISY_MIN || share < NOISY_SHARE) return null;
  const from = new Date(input.nowMs - input.periodMs).toISOString();
  return {
    kind: 'noisy',
    signal: series.signal,
    service: series.service,
    score: Math.min(1, share / (10 * NOISY_SHARE)),
    title: `${name(series)} was anomalous ${series.count} times in the last ${input.period} (${number(share * 100)}% of its points): noisy`,
    evidence: `/api/v1/anomalies?${query(series)}&from=${encodeURIComponent(from)}`,
    details: { anomalies: series.count, share },
  };
}

/** Every finding, most important first (ties: kind, then series, so the order is stable). */
export function findings(input: FindingsInput): Finding[] {
  const all = [
    ...input.means.flatMap((s) => [trend(s, input), capacity(s, input)]),
    ...input.anomalies.map((s) => noisy(s, input)),
    ...(input.recurring?.peaks ?? []).map((peak) => recurringFinding(peak, input.recurring!.range)),
  ].filter((f): f is Finding => f !== null);
  return all.sort(
    (a, b) =>
      b.score - a.score ||
      a.kind.localeCompare(b.kind) ||
      a.signal.localeCompare(b.signal) ||
      a.service.localeCompare(b.service),
  );
}
