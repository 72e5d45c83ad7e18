/**
 * What root-cause analysis asks a source beyond its samples: a signal's events broken down
 * by the values of a label (pod, version, route, code, error type) in an incident window
 * and in a baseline window before it. Sources sum those labels away before storing, so
 * each kind answers from where the labels still are: Prometheus itself, the stored error
 * events, or the scrape source's own running tallies.
 */
import type { LabelBreakdown, LabelValueCounts } from '../models/rca/label-contrast.js';
import type { TimeRange } from '../store/store.js';
import type { Selector } from './scrape/selector.js';

export interface BreakdownRequest {
  signal: string;
  service: string;
  incident: TimeRange;
  baseline: TimeRange;
  abort: AbortSignal;
}

export interface BreakdownReader {
  /** The source it reads through, for logs. */
  readonly source: string;
  /** One breakdown per configured label; [] for a signal it does not break down. */
  read(request: BreakdownRequest): Promise<LabelBreakdown[]>;
}

/**
 * Whether a label's traffic tells where bad events are expected. Not when the bad-events
 * selector picks on that very label (`code=~"5.."`): a 503's traffic is its errors, so
 * expecting errors "where the traffic went" would expect exactly what happened.
 */
export function trafficInforms(eventsSelector: Selector, label: string): boolean {
  return !eventsSelector.matchers.some((matcher) => matcher.label === label);
}

/** All events by value, before and during the incident (a ratio signal's denominator). */
export interface TrafficCounts {
  baseline: ReadonlyMap<string, number>;
  incident: ReadonlyMap<string, number>;
}

/** Every value seen in any window, with its count in each (0 where absent), by value. */
export function valueCounts(
  incident: ReadonlyMap<string, number>,
  baseline: ReadonlyMap<string, number>,
  traffic?: TrafficCounts,
): LabelValueCounts[] {
  const values = new Set([
    ...incident.keys(),
    ...baseline.keys(),
    ...(traffic?.baseline.keys() ?? []),
    ...(traffic?.incident.keys() ?? []),
  ]);
  return [...values].sort().map((value) => ({
    value,
    incident: incident.get(value) ?? 0,
    baseline: baseline.get(value) ?? 0,
    ...(traffic
      ? { prior: traffic.baseline.get(value) ?? 0, incidentTraffic: traffic.incident.get(value) ?? 0 }
      : {}),
  }));
}
