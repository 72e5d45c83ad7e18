import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnomalyQuery, AnomalyRecord, Severity, Store, StoredAnomaly } from '../store.js';
import { InvalidCursorError } from './duckdb-store.js';
import { MINUTE, T0, openMemoryStore } from './test-support.js';

const anomaly = (
  service: string,
  minute: number,
  severity: Severity,
  overrides: Partial<AnomalyRecord> = {},
): AnomalyRecord => ({
  signal: 'error_ratio',
  service,
  timestampMs: T0 + minute * MINUTE,
  score: 0.999,
  severity,
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'value 0.3 is above its last 2016 points',
  ...overrides,
});

/** Every page of a query, following nextCursor to the end. */
async function allPages(store: Store, query: AnomalyQuery): Promise<StoredAnomaly[][]> {
  const pages: StoredAnomaly[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await store.queryAnomalies({ ...query, cursor });
    pages.push(page.items);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
}

describe('DuckDB anomaly store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
    await store.writeAnomalies([
      anomaly('payments', 1, 'low'),
      anomaly('payments', 2, 'critical'),
      anomaly('payments', 3, 'high'),
      anomaly('catalog', 4, 'medium'),
      anomaly('catalog', 5, 'low', { signal: 'latency' }),
    ]);
  });
  afterEach(() => store.close());

  const minutesOf = (items: StoredAnomaly[]) => items.map((a) => (a.timestampMs - T0) / MINUTE);

  it('round-trips every field, newest first, with string ids', async () => {
    const page = await store.queryAnomalies({ limit: 10 });
    expect(minutesOf(page.items)).toEqual([5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[2]).toEqual({ id: expect.any(String), ...anomaly('payments', 3, 'high') });
    expect(new Set(page.items.map((a) => a.id)).size).toBe(5);
  });

  it('filters by service, signal and time range (half-open)', async () => {
    expect(minutesOf((await store.queryAnomalies({ limit: 10, service: 'catalog' })).items)).toEqual([5, 4]);
    expect(minutesOf((await store.queryAnomalies({ limit: 10, signal: 'latency' })).items)).toEqual([5]);
    expect(
      minutesOf((await store.queryAnomalies({ limit: 10, signal: 'error_ratio', service: 'catalog' })).items),
    ).toEqual([4]);
    const range = { fromMs: T0 + 2 * MINUTE, toMs: T0 + 4 * MINUTE };
    expect(minutesOf((await store.queryAnomalies({ limit: 10, ...range })).items)).toEqual([3, 2]);
    expect(minutesOf((await store.queryAnomalies({ limit: 10, fromMs: range.fromMs })).items)).toEqual([
      5, 4, 3, 2,
    ]);
    expect((await store.queryAnomalies({ limit: 10, service: 'nobody' })).items).toEqual([]);
  });

  it('filters by minimum severity: low < medium < high < critical', async () => {
    const at = async (minSeverity: Severity) =>
      (await store.queryAnomalies({ limit: 10, minSeverity })).items.map((a) => a.severity);
    expect(await at('low')).toHaveLength(5);
    expect(await at('medium')).toEqual(['medium', 'high', 'critical']);
    expect(await at('high')).toEqual(['high', 'critical']);
    expect(await at('critical')).toEqual(['critical']);
  });

  it('pages through every row once, in order, also when rows share a timestamp', async () => {
    const more: AnomalyRecord[] = [];
    for (let m = 10; m < 40; m += 1) {
      // Three series per minute: ties on ts are broken by id.
      for (const service of ['a', 'b', 'c']) more.push(anomaly(service, m, m % 2 === 0 ? 'high' : 'low'));
    }
    await store.writeAnomalies(more);
    const everything = (await store.queryAnomalies({ limit: 1000 })).items;
    expect(everything).toHaveLength(95);

    for (const limit of [1, 4, 7, 95, 96]) {
      const pages = await allPages(store, { limit });
      expect(pages.flat()).toEqual(everything);
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
    // Filters hold across pages too.
    const high = (await allPages(store, { limit: 4, minSeverity: 'high', service: 'b' })).flat();
    expect(high.map((a) => a.service + a.severity)).toEqual(Array(15).fill('bhigh'));
    expect(minutesOf(high)).toEqual(Array.from({ length: 15 }, (_, i) => 38 - 2 * i));
  });

  it('keeps the next page stable while newer anomalies arrive', async () => {
    const first = await store.queryAnomalies({ limit: 2 });
    await store.writeAnomalies([anomaly('payments', 60, 'critical')]);
    const second = await store.queryAnomalies({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(minutesOf([...first.items, ...second.items])).toEqual([5, 4, 3, 2]);
  });

  it('updates a re-scored anomaly in place, keeping its id', async () => {
    const [before] = (await store.queryAnomalies({ limit: 1, service: 'payments' })).items;
    await store.writeAnomalies([
      anomaly('payments', 3, 'high', { score: 0.9 }),
      anomaly('payments', 3, 'critical', { score: 0.99999, explanation: 'again' }),
    ]);
    const after = (await store.queryAnomalies({ limit: 10, service: 'payments' })).items;
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({
      id: before?.id,
      severity: 'critical',
      score: 0.99999,
      explanation: 'again',
    });
  });

  it('rejects a cursor it did not hand out, and a bad limit', async () => {
    await expect(store.queryAnomalies({ limit: 5, cursor: 'garbage' })).rejects.toThrow(InvalidCursorError);
    await expect(store.queryAnomalies({ limit: 5, cursor: 'a1.!!!' })).rejects.toThrow(InvalidCursorError);
    await expect(store.queryAnomalies({ limit: 0 })).rejects.toThrow(RangeError);
  });

  it('treats an empty batch as a no-op', async () => {
    await store.writeAnomalies([]);
    expect((await store.queryAnomalies({ limit: 10 })).items).toHaveLength(5);
  });
});
