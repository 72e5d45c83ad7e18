import { describe, expect, it } from 'vitest';
import { SeriesTracker } from './series-tracker.js';

const sample = (service: string, timestampMs: number, value = 1) => ({
  signal: 'error_ratio',
  service,
  timestampMs,
  value,
});

describe('SeriesTracker', () => {
  it('keeps the newest sample of each series, ignoring late older ones', () => {
    const tracker = new SeriesTracker(300_000, 86_400_000);
    tracker.observe([sample('a', 2_000, 2), sample('a', 1_000, 1), sample('b', 1_500)]);
    expect(tracker.get('error_ratio', 'a')).toMatchObject({ lastSampleMs: 2_000, lastValue: 2 });
    expect(tracker.all()).toHaveLength(2);
  });

  it('marks a silent series stale after staleAfter, and evicts it after evictAfter', () => {
    const tracker = new SeriesTracker(300_000, 3_600_000);
    tracker.observe([sample('a', 0)]);
    const series = tracker.get('error_ratio', 'a')!;
    expect(tracker.isStale(series, 299_999)).toBe(false);
    expect(tracker.isStale(series, 300_000)).toBe(true);
    expect(tracker.evict(3_599_999)).toBe(0);
    expect(tracker.evict(3_600_000)).toBe(1);
    expect(tracker.all()).toHaveLength(0);
  });
});
