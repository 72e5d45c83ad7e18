import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { historyStepMs } from './history-reader.js';
import { MINUTE, T0, openMemoryStore, sample } from './test-support.js';

const API = { signal: 'error_ratio', service: 'api' };

describe('DuckDB history reader', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('returns the raw samples of one series in range when they fit, a retried write counted once', async () => {
    await store.writeSamples([sample('api', 1, 1), sample('api', 2, 5), sample('web', 2, 100)]);
    await store.writeSamples([sample('api', 2, 3), sample('api', 30, 9)]);
    const history = await store.readHistory(API, { fromMs: T0, toMs: T0 + 10 * MINUTE }, 10);
    expect(history).toEqual({
      samples: 2,
      stepMs: null,
      points: [
        { timeMs: T0 + MINUTE, value: 1, min: 1, max: 1 },
        { timeMs: T0 + 2 * MINUTE, value: 3, min: 3, max: 3 },
      ],
    });
  });

  it('averages into equal steps, keeping each step’s extremes, when the samples exceed maxPoints', async () => {
    // 60 one-minute samples whose value is the minute; a spike of 1000 at minute 7.
    await store.writeSamples(Array.from({ length: 60 }, (_, m) => sample('api', m, m === 7 ? 1000 : m)));
    const range = { fromMs: T0, toMs: T0 + 60 * MINUTE };
    const history = await store.readHistory(API, range, 7);
    expect(history?.samples).toBe(60);
    expect(history?.stepMs).toBe(10 * MINUTE);
    expect(history?.points.map((p) => p.timeMs)).toEqual([0, 10, 20, 30, 40, 50].map((m) => T0 + m * MINUTE));
    expect(history?.points[0]).toEqual({ timeMs: T0, value: (45 - 7 + 1000) / 10, min: 0, max: 1000 });
    expect(history?.points[5]).toEqual({ timeMs: T0 + 50 * MINUTE, value: 54.5, min: 50, max: 59 });
  });

  it('never returns more than maxPoints, whatever the range’s alignment', async () => {
    await store.writeSamples(Array.from({ length: 200 }, (_, m) => sample('api', m, m)));
    for (const [offset, maxPoints] of [
      [0.5, 10],
      [3.3, 7],
      [0, 2],
      [59.9, 50],
    ] as const) {
      const range = { fromMs: T0 + offset * MINUTE, toMs: T0 + (offset + 137) * MINUTE };
      const history = await store.readHistory(API, range, maxPoints);
      expect(history!.points.length, `offset ${offset}, ${maxPoints} points`).toBeLessThanOrEqual(maxPoints);
      expect(history!.stepMs).toBe(historyStepMs(range, maxPoints));
    }
  });

  it('tells a known series with no samples in range from a series it has never seen', async () => {
    await store.writeSamples([sample('api', 1, 1)]);
    expect(await store.readHistory(API, { fromMs: T0 + MINUTE * 5, toMs: T0 + MINUTE * 9 }, 10)).toEqual({
      samples: 0,
      stepMs: null,
      points: [],
    });
    expect(await store.readHistory({ ...API, service: 'nope' }, { fromMs: T0, toMs: T0 + MINUTE }, 10)).toBe(
      null,
    );
  });
});
