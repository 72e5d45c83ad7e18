import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HourlyMeans, Store, TimeRange } from '../store/store.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import { RecurringMemo } from './recurring-memo.js';

const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 0, 5);
const week: TimeRange = { fromMs: FROM, toMs: FROM + 7 * 24 * HOUR };

describe('recurring peaks computed once per range', () => {
  let store: Store;
  let reads: TimeRange[];
  let failNext: boolean;
  /** The real store, counting reads; it fails once when asked to (a store busy closing). */
  const counted = {
    hourlyMeans: (range: TimeRange): Promise<HourlyMeans[]> => {
      reads.push(range);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('store closing'));
      }
      return store.hourlyMeans(range);
    },
  };
  beforeEach(async () => {
    store = await openMemoryStore();
    reads = [];
    failNext = false;
    // A spike at 01:00 UTC (02:00 Paris) on each of seven days, 0.01 otherwise.
    const samples = [];
    for (let t = week.fromMs; t < week.toMs; t += 15 * 60_000)
      samples.push({
        signal: 'error_ratio',
        service: 'checkout',
        timestampMs: t,
        value: 0.01 + (new Date(t).getUTCHours() === 1 ? 0.05 : 0) + ((t / 900_000) % 7) * 1e-4,
      });
    await store.writeSamples(samples);
  });
  afterEach(() => store.close());

  it('reads the store once for concurrent and repeated asks of one range, again for the next', async () => {
    const memo = new RecurringMemo(counted, 'Europe/Paris');
    const [a, b] = await Promise.all([memo.peaks(week), memo.peaks(week)]);
    expect(a).toBe(b);
    expect(a.map((p) => [p.service, p.minuteOfDay])).toEqual([['checkout', 120]]);
    await memo.peaks(week);
    expect(reads).toHaveLength(1);
    await memo.peaks({ fromMs: week.fromMs + HOUR, toMs: week.toMs + HOUR });
    expect(reads).toHaveLength(2);
  });

  it('does not keep a failed read', async () => {
    const memo = new RecurringMemo(counted, 'UTC');
    failNext = true;
    await expect(memo.peaks(week)).rejects.toThrow('store closing');
    expect((await memo.peaks(week)).map((p) => p.minuteOfDay)).toEqual([60]);
    expect(reads).toHaveLength(2);
  });
});
