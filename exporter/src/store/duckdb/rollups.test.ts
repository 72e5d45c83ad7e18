import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLLUP_BUCKET_MS, type Store } from '../store.js';
import { advance, ROLLUP_CHUNK_MS } from './rollup-store.js';
import { openDuckDbStore } from './duckdb-store.js';
import { MINUTE, T0, openMemoryStore, options, sample, tempStorePath } from './test-support.js';

const ALL = { fromMs: 0, toMs: T0 + 365 * 86_400_000 };
const bucketAt = (minute: number) => T0 + minute * MINUTE;

describe('DuckDB rollups', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('rolls finished 5-minute buckets up into count, min, max, avg and last', async () => {
    // Minutes 0..11, values 0..11, written out of order: buckets [0,5) [5,10) finish; [10,15) does not.
    const minutes = [3, 0, 4, 1, 2, 9, 5, 8, 6, 7, 10, 11];
    await store.writeSamples(minutes.map((m) => sample('api', m, m)));
    const outcome = await store.rollUp(bucketAt(12));
    expect(outcome).toEqual({ buckets: 2, caughtUp: true });
    expect(await store.readRollups([ALL])).toEqual([
      {
        signal: 'error_ratio',
        service: 'api',
        buckets: [
          { startMs: bucketAt(0), count: 5, min: 0, max: 4, avg: 2, last: 4 },
          { startMs: bucketAt(5), count: 5, min: 5, max: 9, avg: 7, last: 9 },
        ],
      },
    ]);
  });

  it('keeps series apart and counts a sample written twice for one instant once, the later value', async () => {
    await store.writeSamples([sample('api', 1, 10), sample('web', 1, 3), sample('api', 2, 20)]);
    await store.writeSamples([sample('api', 2, 40)]);
    await store.rollUp(bucketAt(5));
    const [api, web] = await store.readRollups([ALL]);
    expect(api?.buckets).toEqual([{ startMs: bucketAt(0), count: 2, min: 10, max: 40, avg: 25, last: 40 }]);
    expect(web).toMatchObject({ service: 'web', buckets: [{ count: 1, last: 3 }] });
  });

  it('rolls a bucket up again when a late sample lands in it', async () => {
    await store.writeSamples([sample('api', 1, 1), sample('api', 6, 6)]);
    await store.rollUp(bucketAt(10));
    await store.writeSamples([sample('api', 2, 100)]);
    const again = await store.rollUp(bucketAt(10));
    // From the late sample's bucket on: both already-rolled buckets are rewritten.
    expect(again.buckets).toBe(2);
    const [api] = await store.readRollups([ALL]);
    expect(api?.buckets.map((b) => [b.count, b.max])).toEqual([
      [2, 100],
      [1, 6],
    ]);
    expect(await store.rollUp(bucketAt(10))).toEqual({ buckets: 0, caughtUp: true });
  });

  it('works through a long backlog in chunks, resuming where the budget stopped it', async () => {
    const hours = 3;
    const samples = Array.from({ length: hours * 12 }, (_, i) => sample('api', i * 5, i));
    await store.writeSamples(samples);
    const first = await store.rollUp(T0 + hours * 3_600_000, { maxChunks: 2 });
    expect(first).toEqual({ buckets: (2 * ROLLUP_CHUNK_MS) / ROLLUP_BUCKET_MS, caughtUp: false });
    const rest = await store.rollUp(T0 + hours * 3_600_000);
    expect(rest).toEqual({ buckets: 12, caughtUp: true });
    const [api] = await store.readRollups([ALL]);
    expect(api?.buckets.map((b) => b.avg)).toEqual(samples.map((s) => s.value));
  });

  it('reads only the buckets that start inside the ranges asked for', async () => {
    await store.writeSamples(Array.from({ length: 30 }, (_, m) => sample('api', m, m)));
    await store.rollUp(bucketAt(30));
    const [api] = await store.readRollups([{ fromMs: bucketAt(10), toMs: bucketAt(20) }]);
    expect(api?.buckets.map((b) => b.startMs)).toEqual([bucketAt(10), bucketAt(15)]);
  });

  it('does nothing on an empty store', async () => {
    expect(await store.rollUp(bucketAt(60))).toEqual({ buckets: 0, caughtUp: true });
    expect(await store.readRollups([ALL])).toEqual([]);
  });
});

describe('DuckDB rollups in a file', () => {
  it('remember where they stand across a reopen, late marks included', async () => {
    const temp = tempStorePath();
    try {
      let store = await openDuckDbStore(options(temp.path));
      await store.writeSamples([sample('api', 1, 1), sample('api', 6, 6)]);
      await store.rollUp(bucketAt(10));
      await store.writeSamples([sample('api', 7, 70)]);
      await store.close();
      store = await openDuckDbStore(options(temp.path));
      try {
        // The late sample's mark was committed with it: only its bucket is redone.
        expect(await store.rollUp(bucketAt(10))).toEqual({ buckets: 1, caughtUp: true });
        await store.writeSamples([sample('api', 2, 20)]);
        expect((await store.rollUp(bucketAt(10))).buckets).toBe(2);
        const [api] = await store.readRollups([ALL]);
        expect(api?.buckets.map((b) => [b.count, b.last])).toEqual([
          [2, 20],
          [2, 70],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});

describe('rollup progress', () => {
  const H = ROLLUP_CHUNK_MS;
  it('moves the watermark forward and clears or carries a late mark the chunk covered', () => {
    expect(advance({ rolledUntilMs: null, dirtyFromMs: null }, H)).toEqual({
      rolledUntilMs: H,
      dirtyFromMs: null,
    });
    // A late mark at 0.5H, with rolled buckets up to 3H: the redo continues from H.
    expect(advance({ rolledUntilMs: 3 * H, dirtyFromMs: 0.5 * H }, H)).toEqual({
      rolledUntilMs: 3 * H,
      dirtyFromMs: H,
    });
    expect(advance({ rolledUntilMs: 3 * H, dirtyFromMs: 2.5 * H }, 3 * H)).toEqual({
      rolledUntilMs: 3 * H,
      dirtyFromMs: null,
    });
    expect(advance({ rolledUntilMs: 3 * H, dirtyFromMs: 2.5 * H }, H).dirtyFromMs).toBe(2.5 * H);
  });
});
