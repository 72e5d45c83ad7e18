/**
 * Error events → per-service error rate: the events of the last `window`, per second,
 * as one sample per service at the cycle's time. A pure function of the counts.
 */
import type { ErrorEventCount } from '../../store/store.js';
import type { SeriesSample } from '../source.js';

export function eventRates(
  counts: readonly ErrorEventCount[],
  signal: string,
  windowMs: number,
  nowMs: number,
): SeriesSample[] {
  const windowSeconds = windowMs / 1000;
  return counts.map(({ service, count }) => ({
    signal,
    service,
    timestampMs: nowMs,
    value: count / windowSeconds,
  }));
}
