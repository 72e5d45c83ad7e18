import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { createLogger } from '../log/logger.js';
import { anomalyDetectors, DEFAULT_DETECTOR } from '../models/registry.js';
import { ScoreSnapshot } from '../scores/snapshot.js';
import type { PushSource } from '../sources/push/push-source.js';
import { createSources } from '../sources/registry.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { Store } from '../store/store.js';
import { runCycle, type CycleDeps } from './cycle.js';
import { DetectorMemory } from './detector-memory.js';
import { SeriesTracker } from './series-tracker.js';
import { resolveSignalSettings } from './signal-settings.js';

const config = parseConfig(
  [
    'pipeline: { interval: 15s }',
    'anomaly: { minPoints: 10 }',
    'sources:',
    '  - { name: app, type: push, signal: pushed_error_rate, window: 1m, threshold: 0.5, season: none }',
    'signals:',
    '  - { name: queue_depth, type: gauge, selector: queue_depth, sources: [app], season: none, threshold: 100 }',
  ].join('\n'),
  'test.yaml',
);
const T0 = Date.UTC(2026, 2, 1, 12);
const STEP = 15_000;
const abort = new AbortController().signal;

let store: Store;
let push: PushSource;
let deps: CycleDeps;

beforeEach(async () => {
  store = await openMemoryStore();
  const logger = createLogger({ level: 'error', format: 'json' });
  push = createSources(config.sources, config.signals, logger, store)[0] as PushSource;
  const detector = anomalyDetectors[DEFAULT_DETECTOR]({ minPoints: 10 });
  deps = {
    sources: [push],
    store,
    detector,
    memory: new DetectorMemory(detector, store, logger, 4),
    tracker: new SeriesTracker(5 * 60_000, 86_400_000),
    signals: resolveSignalSettings(config),
    snapshot: new ScoreSnapshot(),
    self: new SelfMetrics({ processMetrics: false }),
    logger,
    anomaly: config.anomaly,
    intervalMs: STEP,
    health: new Map(),
    latest: { scores: [] },
  };
});
afterEach(() => store.close());

/** One push between cycles, the way an application would send them. */
async function pushThenCycle(step: number, depth: number, errors: number): Promise<void> {
  const nowMs = T0 + step * STEP;
  const events = Array.from({ length: errors }, () => ({
    service: 'payments',
    type: 'TimeoutError',
    severity: 'error' as const,
    timestamp: (nowMs - 1_000) / 1000,
  }));
  await push.ingest(
    {
      samples: [{ signal: 'queue_depth', service: 'api', value: depth, timestamp: (nowMs - 1_000) / 1000 }],
      events,
    },
    nowMs,
  );
  await runCycle(deps, nowMs, abort);
}

describe('a cycle with the push source', () => {
  it('scores pushed samples and the error rate, and publishes them in the snapshot', async () => {
    // Enough quiet history for the detector to finish warming (it calibrates on its own residuals).
    for (let step = 1; step <= 90; step += 1) await pushThenCycle(step, 10 + (step % 3), step % 2);
    await pushThenCycle(91, 500, 30); // a spike in both

    const text = deps.snapshot.exposition();
    expect(text).toContain('omen_signal_value{signal="queue_depth",service="api"} 500');
    // 30 events now plus step 89's one inside the last minute: 31 per 60 s.
    expect(text).toContain(`omen_signal_value{signal="pushed_error_rate",service="payments"} ${31 / 60}`);
    expect(text).toContain('omen_threshold{signal="pushed_error_rate",service="payments"} 0.5');
    expect(text).toContain('omen_series_warming{signal="queue_depth",service="api"} 0');
    expect(text).toContain('omen_anomaly_active{signal="queue_depth",service="api"} 1');
    const score = deps.latest.scores.find((s) => s.signal === 'queue_depth');
    expect(score?.anomaly?.score).toBeGreaterThan(0.99);
  });

  it("sets DuckDB's own memory count after each cycle once the store is registered", async () => {
    await pushThenCycle(1, 10, 0);
    expect(await deps.self.registry.metrics()).not.toContain('omen_store_memory_bytes');
    deps.self.registerStore(store, []);
    await pushThenCycle(2, 11, 1);
    const text = await deps.self.registry.metrics();
    const bytes = Number(/^omen_store_memory_bytes (\S+)$/m.exec(text)?.[1]);
    // Pushed samples and events sit in DuckDB's in-memory tables: more than nothing.
    expect(bytes).toBeGreaterThan(0);
  });

  it('holds a series to its per-series activation bar (operator feedback), and records no anomaly under it', async () => {
    const raised = new Set(['queue_depth']);
    deps.sensitivity = { activeAt: (signal) => (raised.has(signal) ? 1.1 : config.anomaly.activeAt) };
    for (let step = 1; step <= 90; step += 1) await pushThenCycle(step, 10 + (step % 3), step % 2);
    await pushThenCycle(91, 500, 30);

    const text = deps.snapshot.exposition();
    expect(deps.latest.scores.find((s) => s.signal === 'queue_depth')?.anomaly?.score).toBeGreaterThan(0.99);
    expect(text).toContain('omen_anomaly_active{signal="queue_depth",service="api"} 0');
    const { items } = await store.queryAnomalies({ limit: 100, signal: 'queue_depth' });
    expect(items).toEqual([]);
  });

  it('does not write pushed samples a second time', async () => {
    for (let step = 1; step <= 3; step += 1) await pushThenCycle(step, 10, 1);
    const series = await store.listSeries();
    expect(series.find((s) => s.signal === 'queue_depth')?.samples).toBe(3);
    // The error rate is a sample per cycle, written by the cycle.
    expect(series.find((s) => s.signal === 'pushed_error_rate')?.samples).toBe(3);
  });
});
