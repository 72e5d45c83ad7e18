/**
 * Recurring daily peaks: a series whose day's highest hour stands far above its usual level
 * at about the same local time on most days ("error_ratio of checkout peaks every day
 * around 02:00 (Europe/Paris)") — a batch job, a backup, a cron. Pure: hourly means in, the
 * patterns out; local time comes from Intl in the configured zone, so a 02:00 job is found
 * at 02:00 on both sides of a daylight-saving change.
 *
 * - usual level and spread: the robust scale (median, IQR) of all the series' hourly means;
 * - a day peaks when its highest hour is PEAK_SPREADS spreads or more above the median
 *   (a smooth daily cycle does not: its top is within about one IQR of its median);
 * - a pattern: the local time around which (± TOLERANCE_MINUTES) most of the observed days
 *   peak — at least MIN_SHARE of them and at least MIN_DAYS.
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
  /** Local time of the peak, minutes since midnight in `timeZone` (bucket starts: 02:00, or 01:30 at +05:30). */
  minuteOfDay: number;
  timeZone: string;
  /** Days that peaked within TOLERANCE_MINUTES of it. */
  days: number;
  /** Days observed (with at least MIN_HOURS_PER_DAY hourly means). */
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

interface DayPeak {
  minuteOfDay: number;
  value: number;
}

const circularDistance = (a: number, b: number) => {
  const d = Math.abs(a - b) % 1440;
  return Math.min(d, 1440 - d);
};

/** Each observed local day's highest hour, or null for a day that did not peak. */
function dayPeaks(series: HourlySeries, clock: LocalClock, level: number): (DayPeak | null)[] {
  const days = new Map<string, { hours: number; top: DayPeak }>();
  series.startsMs.forEach((start, i) => {
    const value = series.means[i]!;
    if (!Number.isFinite(value)) return;
    const { day, minuteOfDay } = clock.at(start);
    const seen = days.get(day);
    if (!seen) days.set(day, { hours: 1, top: { minuteOfDay, value } });
    else {
      seen.hours += 1;
      if (value > seen.top.value) seen.top = { minuteOfDay, value };
    }
  });
  return [...days.values()]
    .filter((d) => d.hours >= MIN_HOURS_PER_DAY)
    .map((d) => (d.top.value >= level ? d.top : null));
}

/** The local time most peaks gather around, with the peaks near it. */
function bestSlot(peaks: readonly DayPeak[]): { minuteOfDay: number; near: DayPeak[] } | null {
  let best: { minuteOfDay: number; near: DayPeak[]; exact: number } | null = null;
  for (const candidate of peaks) {
    const near = peaks.filter(
      (p) => circularDistance(p.minuteOfDay, candidate.minuteOfDay) <= TOLERANCE_MINUTES,
    );
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

function recurringPeak(series: HourlySeries, clock: LocalClock): RecurringPeak | null {
  const scale = robustScale(series.means);
  if (!scale) return null;
  const perDay = dayPeaks(series, clock, scale.median + PEAK_SPREADS * scale.iqr);
  const peaks = perDay.filter((p): p is DayPeak => p !== null);
  const slot = bestSlot(peaks);
  const needed = Math.max(MIN_DAYS, Math.ceil(MIN_SHARE * perDay.length));
  if (!slot || slot.near.length < needed) return null;
  return {
    signal: series.signal,
    service: series.service,
    minuteOfDay: slot.minuteOfDay,
    timeZone: clock.timeZone,
    days: slot.near.length,
    observed: perDay.length,
    peak: median(slot.near.map((p) => p.value)),
    usual: scale.median,
  };
}

/** Every series with a recurring daily peak, in input order. */
export function recurringPeaks(series: readonly HourlySeries[], timeZone: string): RecurringPeak[] {
  const clock = new LocalClock(timeZone);
  return series.map((s) => recurringPeak(s, clock)).filter((p): p is RecurringPeak => p !== null);
}
