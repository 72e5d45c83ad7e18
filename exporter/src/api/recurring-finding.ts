/**
 * A recurring peak (models/pattern/recurring-peaks.ts) as an insight: told in the configured
 * time zone, linked to the series' values over the days it was found in.
 */
import { clockText, WEEKDAYS } from '../models/pattern/local-clock.js';
import type { RecurringPeak } from '../models/pattern/recurring-peaks.js';
import type { TimeRange } from '../store/store.js';
import type { Finding } from './insight-findings.js';

const number = (x: number) => Number(x.toPrecision(3)).toString();

export function recurringFinding(peak: RecurringPeak, range: TimeRange): Finding {
  const share = peak.days / peak.observed;
  const weekday = peak.weekday === null ? null : WEEKDAYS[peak.weekday]!;
  const [every, days] = weekday === null ? ['day', 'days'] : [weekday, `${weekday}s`];
  const values = new URLSearchParams({
    service: peak.service,
    from: new Date(range.fromMs).toISOString(),
    to: new Date(range.toMs).toISOString(),
  });
  return {
    kind: 'recurring',
    signal: peak.signal,
    service: peak.service,
    // A pattern to plan around rather than an alarm: ranked with the milder trends.
    score: 0.3 + 0.4 * share,
    title:
      `${peak.signal} of ${peak.service} peaks every ${every} around ${clockText(peak.minuteOfDay)} (${peak.timeZone}): ` +
      `on ${peak.days} of the last ${peak.observed} ${days}, at ${number(peak.peak)} against a usual ${number(peak.usual)}`,
    evidence: `/api/v1/signals/${encodeURIComponent(peak.signal)}/values?${values.toString()}`,
    details: {
      hour: Math.floor(peak.minuteOfDay / 60),
      minute: peak.minuteOfDay % 60,
      ...(peak.weekday !== null && { weekday: peak.weekday }),
      days: peak.days,
      observed: peak.observed,
      peak: peak.peak,
      usual: peak.usual,
    },
  };
}
