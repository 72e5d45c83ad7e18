/**
 * Which series exist, their newest sample, and whether they are fresh, stale or due for
 * eviction (DESIGN Decision 4).
 */
import type { SeriesSample } from '../sources/source.js';

export interface TrackedSeries {
  signal: string;
  service: string;
  lastSampleMs: number;
  lastValue: number;
}

export function seriesKey(signal: string, service: string): string {
  return `${signal}\u0000${service}`;
}

export class SeriesTracker {
  private readonly series = new Map<string, TrackedSeries>();

  constructor(
    private readonly staleAfterMs: number,
    private readonly evictAfterMs: number,
  ) {}

  observe(samples: readonly SeriesSample[]): void {
    for (const sample of samples) {
      const key = seriesKey(sample.signal, sample.service);
      const known = this.series.get(key);
      if (known && known.lastSampleMs > sample.timestampMs) continue;
      this.series.set(key, {
        signal: sample.signal,
        service: sample.service,
        lastSampleMs: sample.timestampMs,
        lastValue: sample.value,
      });
    }
  }

  /** Forgets series silent for `evictAfter`; returns how many were evicted. */
  evict(nowMs: number): number {
    let evicted = 0;
    for (const [key, series] of this.series) {
      if (nowMs - series.lastSampleMs >= this.evictAfterMs) {
        this.series.delete(key);
        evicted += 1;
      }
    }
    return evicted;
  }

  isStale(series: TrackedSeries, nowMs: number): boolean {
    return nowMs - series.lastSampleMs >= this.staleAfterMs;
  }

  all(): TrackedSeries[] {
    return [...this.series.values()];
  }

  get(signal: string, service: string): TrackedSeries | undefined {
    return this.series.get(seriesKey(signal, service));
  }
}
