import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { MINUTE, T0, openMemoryStore, sample } from './test-support.js';

const HOUR = 60 * MINUTE;

describe('DuckDB hourly means', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('averages each series per UTC hour, from rollups and the raw samples not rolled up yet', async () => {
    expect(T0 % HOUR).toBe(0);
    // payments: 1, 2, 3 over three hours, a sample a minute; catalog only in the third hour,
    // with a gap in the second that the lists simply leave out.
    const samples = [];
    for (let m = 0; m < 180; m += 1) samples.push(sample('payments', m, 1 + Math.floor(m / 60)));
    for (let m = 120; m < 180; m += 1) samples.push(sample('catalog', m, m < 150 ? 4 : 6));
    await store.writeSamples(samples);
    const range = { fromMs: T0, toMs: T0 + 3 * HOUR };
    const expected = [
      { signal: 'error_ratio', service: 'catalog', startsMs: [T0 + 2 * HOUR], means: [5] },
      {
        signal: 'error_ratio',
        service: 'payments',
        startsMs: [T0, T0 + HOUR, T0 + 2 * HOUR],
        means: [1, 2, 3],
      },
    ];
    expect(await store.hourlyMeans(range)).toEqual(expected);
    // Rolled up to the middle of the third hour: the same answer, partly from rollups.
    await store.rollUp(T0 + 150 * MINUTE);
    expect(await store.hourlyMeans(range)).toEqual(expected);
    // Only what is inside the range counts.
    expect(await store.hourlyMeans({ fromMs: T0 + HOUR, toMs: T0 + 2 * HOUR })).toEqual([
      { signal: 'error_ratio', service: 'payments', startsMs: [T0 + HOUR], means: [2] },
    ]);
  });
});
