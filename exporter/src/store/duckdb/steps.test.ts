import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { MINUTE, T0, openMemoryStore, sample } from './test-support.js';

const FIVE_MINUTES = 5 * MINUTE;

describe('DuckDB step reader', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('averages each step of the series asked for, epoch-aligned, skipping empty steps', async () => {
    await store.writeSamples([
      sample('api', 0, 1),
      sample('api', 4, 3),
      sample('api', 5, 10),
      // minutes 10–14 hold nothing: no row for that step
      sample('api', 16, 7),
      sample('web', 0, 100),
    ]);
    const [api, ...rest] = await store.readSteps({ fromMs: T0, toMs: T0 + 20 * MINUTE }, FIVE_MINUTES, [
      { signal: 'error_ratio', service: 'api' },
    ]);
    expect(rest).toEqual([]);
    expect(api).toEqual({
      signal: 'error_ratio',
      service: 'api',
      stepMs: FIVE_MINUTES,
      startsMs: [T0, T0 + 5 * MINUTE, T0 + 15 * MINUTE],
      means: [2, 10, 7],
      counts: [2, 1, 1],
      lastSampleMs: T0 + 16 * MINUTE,
    });
  });

  it('counts a sample written twice once, with its later value, and honours the range', async () => {
    await store.writeSamples([sample('api', 1, 1), sample('api', 2, 5)]);
    await store.writeSamples([sample('api', 2, 3), sample('api', 30, 9)]);
    const windows = await store.readSteps({ fromMs: T0, toMs: T0 + 10 * MINUTE }, FIVE_MINUTES, [
      { signal: 'error_ratio', service: 'api' },
      { signal: 'error_ratio', service: 'unknown' },
    ]);
    expect(windows.map((w) => [w.means, w.counts])).toEqual([[[2], [2]]]);
  });

  it('reads nothing for no series', async () => {
    await store.writeSamples([sample('api', 1, 1)]);
    expect(await store.readSteps({ fromMs: T0, toMs: T0 + MINUTE * 10 }, FIVE_MINUTES, [])).toEqual([]);
  });
});
