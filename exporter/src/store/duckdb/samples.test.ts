import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesSample } from '../../sources/source.js';
import type { Store } from '../store.js';
import { mergeRanges } from './sample-reader.js';
import { MINUTE, T0, openMemoryStore, sample } from './test-support.js';

const minutes = (from: number, to: number) => ({ fromMs: T0 + from * MINUTE, toMs: T0 + to * MINUTE });

describe('mergeRanges', () => {
  it('merges overlapping and touching ranges, drops empty ones, sorts', () => {
    expect(
      mergeRanges([
        { fromMs: 50, toMs: 60 },
        { fromMs: 0, toMs: 10 },
        { fromMs: 5, toMs: 20 },
        { fromMs: 20, toMs: 30 },
        { fromMs: 40, toMs: 40 },
        { fromMs: 45, toMs: 41 },
      ]),
    ).toEqual([
      { fromMs: 0, toMs: 30 },
      { fromMs: 50, toMs: 60 },
    ]);
  });
});

describe('DuckDB sample store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('round-trips samples, oldest first, per series', async () => {
    await store.writeSamples([sample('api', 2, 0.3), sample('api', 0, 0.1), sample('web', 1, 7, 'latency')]);
    await store.writeSamples([sample('api', 1, 0.2)]);
    expect(await store.readWindows([minutes(0, 10)])).toEqual([
      {
        signal: 'error_ratio',
        service: 'api',
        timestampsMs: [0, 1, 2].map((m) => T0 + m * MINUTE),
        values: [0.1, 0.2, 0.3],
      },
      { signal: 'latency', service: 'web', timestampsMs: [T0 + MINUTE], values: [7] },
    ]);
  });

  it('returns samples in any of several ranges, once each even where ranges overlap', async () => {
    await store.writeSamples(Array.from({ length: 20 }, (_, m) => sample('api', m, m)));
    const [window] = await store.readWindows([minutes(15, 18), minutes(2, 5), minutes(4, 7), minutes(3, 4)]);
    // Half-open ranges: minute 7 and 18 are out.
    expect(window?.values).toEqual([2, 3, 4, 5, 6, 15, 16, 17]);
    expect(await store.readWindows([minutes(100, 200)])).toEqual([]);
    expect(await store.readWindows([])).toEqual([]);
  });

  it('returns only the series asked for when given a list, and none for an empty one', async () => {
    await store.writeSamples([sample('api', 1, 0.1), sample('web', 1, 0.2), sample('api', 2, 5, 'latency')]);
    const only = await store.readWindows([minutes(0, 10)], [{ signal: 'error_ratio', service: 'web' }]);
    expect(only.map((w) => [w.signal, w.service, w.values])).toEqual([['error_ratio', 'web', [0.2]]]);
    expect(await store.readWindows([minutes(0, 10)], [])).toEqual([]);
  });

  it('returns a sample written twice for the same instant once, with the later value', async () => {
    await store.writeSamples([sample('api', 0, 1), sample('api', 1, 2)]);
    await store.writeSamples([sample('api', 1, 3)]);
    const [window] = await store.readWindows([minutes(0, 5)]);
    expect(window?.values).toEqual([1, 3]);
  });

  it('creates each series once and keeps its first/last sample time and count', async () => {
    await store.writeSamples([sample('api', 5, 1), sample('web', 3, 1)]);
    await store.writeSamples([sample('api', 2, 1), sample('api', 9, 1)]);
    await store.writeSamples([sample('api', 7, 1)]);
    expect(await store.listSeries()).toEqual([
      {
        signal: 'error_ratio',
        service: 'api',
        firstSampleMs: T0 + 2 * MINUTE,
        lastSampleMs: T0 + 9 * MINUTE,
        samples: 4,
      },
      {
        signal: 'error_ratio',
        service: 'web',
        firstSampleMs: T0 + 3 * MINUTE,
        lastSampleMs: T0 + 3 * MINUTE,
        samples: 1,
      },
    ]);
  });

  it('treats an empty batch as a no-op', async () => {
    await store.writeSamples([]);
    expect(await store.listSeries()).toEqual([]);
  });

  it('leaves nothing of a failed batch behind, and the next batch still works', async () => {
    const bad: SeriesSample[] = [
      sample('api', 0, 1),
      sample('new', 1, 1),
      { ...sample('api', 2, 1), timestampMs: NaN },
    ];
    await expect(store.writeSamples(bad)).rejects.toThrow(RangeError);
    // Fails inside the transaction: after the new series and the appended rows.
    const huge = { ...sample('other', 3, 1), timestampMs: 1e20 };
    await expect(store.writeSamples([sample('api', 0, 1), sample('fresh', 0, 1), huge])).rejects.toThrow(
      /writing samples/,
    );
    expect(await store.listSeries()).toEqual([]);
    expect(await store.readWindows([minutes(0, 10)])).toEqual([]);

    await store.writeSamples([sample('fresh', 0, 4)]);
    expect(await store.readWindows([minutes(0, 10)])).toMatchObject([{ service: 'fresh', values: [4] }]);
  });

  it('leaves nothing of a failed batch bigger than one Appender flush', async () => {
    // Past 100 vectors the Appender flushes on its own: without the batch's own
    // transaction those rows would be committed before the bad sample is reached.
    const batch: SeriesSample[] = [];
    for (let m = 0; m < 210; m += 1) {
      for (let s = 0; s < 1000; s += 1) batch.push(sample(`svc-${s}`, m, m));
    }
    batch.push({ ...sample('svc-0', 300, 1), timestampMs: 1e20 });
    await expect(store.writeSamples(batch)).rejects.toThrow(/writing samples/);
    expect(await store.listSeries()).toEqual([]);
    expect(await store.readWindows([minutes(0, 300)])).toEqual([]);
  });

  it('keeps first/last/count for thousands of series across batches', async () => {
    const services = Array.from({ length: 3000 }, (_, s) => `svc-${String(s).padStart(4, '0')}`);
    await store.writeSamples(services.map((service) => sample(service, 5, 1)));
    await store.writeSamples(services.map((service, s) => sample(service, s % 2 === 0 ? 9 : 2, 1)));
    const series = await store.listSeries();
    expect(series).toHaveLength(3000);
    expect(series[0]).toMatchObject({ service: 'svc-0000', firstSampleMs: T0 + 5 * MINUTE, samples: 2 });
    expect(series[0]!.lastSampleMs).toBe(T0 + 9 * MINUTE);
    expect(series[2999]).toMatchObject({
      service: 'svc-2999',
      firstSampleMs: T0 + 2 * MINUTE,
      lastSampleMs: T0 + 5 * MINUTE,
      samples: 2,
    });
  });

  it('serialises concurrent writes: every one is committed', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.writeSamples([sample(`svc-${i % 4}`, i, i), sample('shared', i, i)]),
      ),
    );
    const series = await store.listSeries();
    expect(series.map((s) => [s.service, s.samples])).toEqual([
      ['shared', 20],
      ['svc-0', 5],
      ['svc-1', 5],
      ['svc-2', 5],
      ['svc-3', 5],
    ]);
  });

  it('writes a batch of 100k samples over 1000 series', async () => {
    const batch: SeriesSample[] = [];
    for (let m = 0; m < 100; m += 1) {
      for (let s = 0; s < 1000; s += 1) batch.push(sample(`svc-${s}`, m, m + s / 1000));
    }
    await store.writeSamples(batch);
    const windows = await store.readWindows([minutes(0, 100)]);
    expect(windows).toHaveLength(1000);
    expect(windows.every((w) => w.values.length === 100)).toBe(true);
    expect(windows.find((w) => w.service === 'svc-999')?.values[42]).toBeCloseTo(42.999, 9);
  });
});
