/**
 * The daily incident schedule: every demo day at the same demo times, so whoever watches
 * the demo (or a test, or an evaluation of Omen) knows what happened when. Kept as data in
 * the notation people read, so README and `/demo/state` print it as it is.
 *
 * The quiet windows (00:00–04:00, 07:00–09:00, 19:00–21:00) give the models clean
 * stretches at night, morning and evening traffic.
 */
import { parseDuration } from '../config/duration.js';
import { DEMO_DAY_MS, parseTimeOfDay } from './demo-clock.js';
import type { IncidentName } from './incident-catalog.js';
import type { ServiceName } from './topology.js';

export interface ScheduleEntry {
  /** Demo time of day, HH:MM. */
  at: string;
  incident: IncidentName;
  service: ServiceName;
  /** Demo time, as a Prometheus duration. */
  duration: string;
}

export const DAILY_SCHEDULE: readonly ScheduleEntry[] = [
  { at: '04:00', incident: 'error_spike', service: 'payments', duration: '3h' },
  { at: '09:00', incident: 'latency_shift', service: 'catalog', duration: '4h' },
  { at: '13:00', incident: 'slow_burn', service: 'checkout', duration: '6h' },
  { at: '21:00', incident: 'dependency_failure', service: 'inventory', duration: '3h' },
];

/** One scheduled occurrence, in demo milliseconds since the demo started. */
export interface Occurrence {
  entry: ScheduleEntry;
  startDemoMs: number;
  endDemoMs: number;
}

/**
 * Occurrences whose start falls in [fromDemoMs, toDemoMs). Consecutive half-open windows
 * see each start exactly once, however long or short the ticks between them.
 */
export function dueOccurrences(
  schedule: readonly ScheduleEntry[],
  fromDemoMs: number,
  toDemoMs: number,
): Occurrence[] {
  const due: Occurrence[] = [];
  const firstDay = Math.floor(fromDemoMs / DEMO_DAY_MS);
  const lastDay = Math.floor(toDemoMs / DEMO_DAY_MS);
  for (let day = firstDay; day <= lastDay; day += 1) {
    for (const entry of schedule) {
      const startDemoMs = day * DEMO_DAY_MS + parseTimeOfDay(entry.at);
      if (startDemoMs < fromDemoMs || startDemoMs >= toDemoMs) continue;
      due.push({ entry, startDemoMs, endDemoMs: startDemoMs + parseDuration(entry.duration) });
    }
  }
  return due.sort((a, b) => a.startDemoMs - b.startDemoMs);
}
