import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { anomalyDetectors, DEFAULT_DETECTOR } from '../models/registry.js';
import type { AnomalyDetector } from '../models/types.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { Store } from '../store/store.js';
import { advanceDetectors } from './advance-detectors.js';
import { DetectorMemory } from './detector-memory.js';
import { seriesKey, type TrackedSeries } from './series-tracker.js';

const STEP = 15_000;
const T0 = Date.UTC(2026, 2, 1);
const logger = createLogger({ level: 'error', format: 'json' });
const signals = new Map([['error_ratio', { threshold: undefined, seasonMs: null, detectSeason: true }]]);
const detector = anomalyDetectors[DEFAULT_DETECTOR]({ minPoints: 20, history: 200 });

let store: Store;
beforeEach(async () => {
  store = await openMemoryStore();
});
afterEach(() => store.close());

const value = (i: number): number => 0.02 + 0.001 * ((i * 7919) % 13);

async function writePoints(service: string, from: number, to: number): Promise<void> {
  const samples = [];
  for (let i = from; i < to; i += 1)
    samples.push({ signal: 'error_ratio', service, timestampMs: T0 + i * STEP, value: value(i) });
  await store.writeSamples(samples);
}

function tracked(service: string, last: number): TrackedSeries {
  return { signal: 'error_ratio', service, lastSampleMs: T0 + last * STEP, lastValue: value(last) };
}

function advance(
  memory: DetectorMemory,
  last: number,
  series: TrackedSeries[],
  using: AnomalyDetector = detector,
  replayBudgetPoints = 1_000_000,
) {
  return advanceDetectors({
    nowMs: T0 + last * STEP,
    series,
    store,
    detector: using,
    memory,
    signals,
    replaySpanMs: 400 * STEP,
    replayBudgetPoints,
    keepFrom: 0,
  });
}

describe('advanceDetectors', () => {
  it('replays a series without a state from the store, so it starts warm', async () => {
    await writePoints('api', 0, 300);
    const memory = new DetectorMemory(detector, store, logger, 1);
    const outcome = await advance(memory, 299, [tracked('api', 299)]);
    const model = memory.get('error_ratio', 'api');
    expect(model?.lastMs).toBe(T0 + 299 * STEP);
    expect(model?.result?.warming).toBe(false);
    expect(outcome.fed.get(seriesKey('error_ratio', 'api'))?.length).toBeGreaterThan(250);
  });

  it('feeds only the samples after the state’s last one, and continues from a saved state as if never stopped', async () => {
    await writePoints('api', 0, 300);
    const memory = new DetectorMemory(detector, store, logger, 1);
    await advance(memory, 299, [tracked('api', 299)]);
    await memory.saveAll(T0);
    await writePoints('api', 300, 310);
    const continued = await advance(memory, 309, [tracked('api', 309)]);

    const restarted = new DetectorMemory(detector, store, logger, 1);
    expect(await restarted.restore()).toEqual({ restored: 1, dropped: 0 });
    const resumed = await advance(restarted, 309, [tracked('api', 309)]);
    const scores = (o: typeof resumed) =>
      o.fed.get(seriesKey('error_ratio', 'api'))?.map((p) => p.result.score);
    expect(scores(resumed)).toHaveLength(10);
    expect(scores(resumed)).toEqual(scores(continued));
  });

  it('isolates a detector that throws: that series loses its state, the others go on', async () => {
    await writePoints('api', 0, 50);
    await writePoints('web', 0, 50);
    // Fails on the first series it is given, half-way through its history.
    let doomed: unknown;
    const flaky: AnomalyDetector = {
      ...detector,
      update: (state, point, context) => {
        doomed ??= state;
        if (state === doomed && (state as { observed: number }).observed === 30) throw new Error('boom');
        return detector.update(state, point, context);
      },
    };
    const memory = new DetectorMemory(flaky, store, logger, 1);
    const outcome = await advance(memory, 49, [tracked('api', 49), tracked('web', 49)], flaky);
    expect(outcome.failures).toEqual([{ signal: 'error_ratio', service: 'api', error: 'Error: boom' }]);
    expect(memory.get('error_ratio', 'api')).toBeUndefined();
    expect(memory.get('error_ratio', 'web')?.result?.warming).toBe(false);
  });

  it('spends the replay budget in batches: one batch always, the rest wait their turn', async () => {
    const services = Array.from({ length: 150 }, (_, i) => `svc${String(i).padStart(3, '0')}`);
    for (const service of services) await writePoints(service, 0, 40);
    const memory = new DetectorMemory(detector, store, logger, 1);
    const series = services.map((s) => tracked(s, 39));
    const first = await advance(memory, 39, series, detector, 1);
    expect([first.replayed, first.replayWaiting]).toEqual([100, 50]);
    const second = await advance(memory, 39, series);
    expect([second.replayed, second.replayWaiting]).toEqual([50, 0]);
    expect(services.every((s) => memory.get('error_ratio', s)?.result?.warming === false)).toBe(true);
  });

  it('drops a saved state it cannot decode, with a warning, and replays that series', async () => {
    await store.saveModelStates([
      {
        model: detector.name,
        signal: 'error_ratio',
        service: 'api',
        state: { lastMs: 1, state: { version: 0 } },
        updatedAtMs: T0,
      },
    ]);
    const memory = new DetectorMemory(detector, store, logger, 1);
    expect(await memory.restore()).toEqual({ restored: 0, dropped: 1 });
  });
});
