/**
 * Recurring peaks: a series whose day's highest hour stands far above its usual level at
 * about the same local time on most days ("error_ratio of checkout peaks every day around
 * 02:00 (Europe/Paris)") — a batch job, a backup, a cron — or, failing that, on most of one
 * weekday ("every Monday around 09:00"). Pure: hourly means in, the patterns out; local time
 * comes from Intl in the configured zone, so a 02:00 job is found at 02:00 on both sides of
 * a daylight-saving change.
 *
 * - usual level and spread: the robust scale (median, IQR) of all the series' hourly means;
 * - a day peaks when its highest hour is PEAK_SPREADS spreads or more above the median
 *   (a smooth daily cycle does not: its top is within about one IQR of its median);
 * - a pattern: the local time around which (± TOLERANCE_MINUTES) most of the observed days
 *   peak — at least MIN_SHARE of them and at least MIN_DAYS;
 * - a weekly one, when there is no daily one: the same, among the days of one weekday (so
 *   three weeks at least), with the other days rarely peaking then (at most OTHER_DAYS_SHARE).
 */
import { median } from 'simple-statistics';
import { robustScale } from '../rca/robust-change.js';
import { LocalClock } from './local-clock.js';

export interface HourlySeries {
  signal: string;
  service: string;
  /** Starts of hour buckets (UTC-aligned), ascending. */
  startsMs: readonly number[];
  means: readonly number[];
}

export interface RecurringPeak {
  signal: string;
  service: string;
  every: 'day' | 'week';
  /** The local weekday (0 Sunday … 6 Saturday) of a weekly peak; null for a daily one. */
  weekday: number | null;
  /** Local time of the peak, minutes since midnight in `timeZone` (bucket starts: 02:00, or 01:30 at +05:30). */
  minuteOfDay: number;
  timeZone: string;
  /** Days (of that weekday, for a weekly peak) that peaked within TOLERANCE_MINUTES of it. */
  days: number;
  /** Days (of that weekday) observed, with at least MIN_HOURS_PER_DAY hourly means each. */
  observed: number;
  /** Median of those days' peak values. */
  peak: number;
  /** The series' median hourly mean. */
  usual: number;
}

export const PEAK_SPREADS = 3;
export const TOLERANCE_MINUTES = 60;
export const MIN_SHARE = 0.6;
export const MIN_DAYS = 3;
/** A local day with fewer hourly means than this says too little about where it peaked. */
export const MIN_HOURS_PER_DAY = 12;
/** A weekday's pattern is weekly only if other days peak at that time this rarely. */
export const OTHER_DAYS_SHARE = 0.25;

interface DayPeak {
  minuteOfDay: number;
  value: number;
}

interface ObservedDay {
  weekday: number;
  /** Its highest hour, when that stood far enough above the usual level. */
  peak: DayPeak | null;
}

interface Pattern {
  minuteOfDay: number;
  near: DayPeak[];
  observed: number;
  weekday: number | null;
}

const circularDistance = (a: number, b: number) => {
  const d = Math.abs(a - b) % 1440;
  return Math.min(d, 1440 - d);
};

/** Each observed local day, with its highest hour if that was a peak. */
function observedDays(series: HourlySeries, clock: LocalClock, level: number): ObservedDay[] {
  const days = new Map<string, { hours: number; weekday: number; top: DayPeak }>();
  series.startsMs.forEach((start, i) => {
    const value = series.means[i]!;
    if (!Number.isFinite(value)) return;
    const { day, minuteOfDay, weekday } = clock.at(start);
    const seen = days.get(day);
    if (!seen) days.set(day, { hours: 1, weekday, top: { minuteOfDay, value } });
    else {
      seen.hours += 1;
      if (value > seen.top.value) seen.top = { minuteOfDay, value };
    }
  });
  return [...days.values()]
    .filter((d) => d.hours >= MIN_HOURS_PER_DAY)
    .map((d) => ({ weekday: d.weekday, peak: d.top.value >= level ? d.top : null }));
}

const peaksOf = (days: readonly ObservedDay[]) => days.flatMap((d) => (d.peak ? [d.peak] : []));
const nearSlot = (peaks: readonly DayPeak[], minuteOfDay: number) =>
  peaks.filter((p) => circularDistance(p.minuteOfDay, minuteOfDay) <= TOLERANCE_MINUTES);

/** The local time most peaks gather around, with the peaks near it. */
function bestSlot(peaks: readonly DayPeak[]): { minuteOfDay: number; near: DayPeak[] } | null {
  let best: { minuteOfDay: number; near: DayPeak[]; exact: number } | null = null;
  for (const candidate of peaks) {
    const near = nearSlot(peaks, candidate.minuteOfDay);
    const exact = peaks.filter((p) => p.minuteOfDay === candidate.minuteOfDay).length;
    const better =
      !best ||
      near.length > best.near.length ||
      (near.length === best.near.length && exact > best.exact) ||
      (near.length === best.near.length && exact === best.exact && candidate.minuteOfDay < best.minuteOfDay);
    if (better) best = { minuteOfDay: candidate.minuteOfDay, near, exact };
  }
  return best;
}

/** The time most of `days` peak around, if most of them do. */
function patternIn(days: readonly ObservedDay[], weekday: number | null): Pattern | null {
  const slot = bestSlot(peaksOf(days));
  const needed = Math.max(MIN_DAYS, Math.ceil(MIN_SHARE * days.length));
  return slot && slot.near.length >= needed ? { ...slot, observed: days.length, weekday } : null;
}

/** The weekday whose days peak most regularly at a time the other days rarely do. */
function weeklyPattern(days: readonly ObservedDay[]): Pattern | null {
  let best: Pattern | null = null;
  for (let weekday = 0; weekday < 7; weekday += 1) {
    const pattern = patternIn(
      days.filter((d) => d.weekday === weekday),
      weekday,
    );
    if (!pattern) continue;
    const others = days.filter((d) => d.weekday !== weekday);
    const elsewhere = nearSlot(peaksOf(others), pattern.minuteOfDay).length;
    if (elsewhere > OTHER_DAYS_SHARE * others.length) continue;
    const share = pattern.near.length / pattern.observed;
    if (!best || share > best.near.length / best.observed) best = pattern;
  }
  return best;
}

function recurringPeak(series: HourlySeries, clock: LocalClock): RecurringPeak | null {
  const scale = robustScale(series.means);
  if (!scale) return null;
  const days = observedDays(series, clock, scale.median + PEAK_SPREADS * scale.iqr);
  const pattern = patternIn(days, null) ?? weeklyPattern(days);
  if (!pattern) return null;
  return {
    signal: series.signal,
    service: series.service,
    every: pattern.weekday === null ? 'day' : 'week',
    weekday: pattern.weekday,
    minuteOfDay: pattern.minuteOfDay,
    timeZone: clock.timeZone,
    days: pattern.near.length,
    observed: pattern.observed,
    peak: median(pattern.near.map((p) => p.value)),
    usual: scale.median,
  };
}

/** Every series with a recurring daily (or else weekly) peak, in input order. */
export function recurringPeaks(series: readonly HourlySeries[], timeZone: string): RecurringPeak[] {
  const clock = new LocalClock(timeZone);
  return series.map((s) => recurringPeak(s, clock)).filter((p): p is RecurringPeak => p !== null);
}
