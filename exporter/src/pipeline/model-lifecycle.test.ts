import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { mulberry32 } from '../random/mulberry32.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { Store } from '../store/store.js';
import { advanceForecasts } from './advance-forecasts.js';
import { ForecastBook } from './forecast-book.js';
import { resolveForecastSettings, type ForecastSettings } from './forecast-settings.js';
import { ModelLifecycle, modelId } from './model-lifecycle.js';
import { ModelRetrain } from './model-retrain.js';
import { SeriesTracker } from './series-tracker.js';
import { resolveSignalSettings } from './signal-settings.js';

// One-minute steps fed by 15 s samples; drift judged after 5 scored steps.
const config = parseConfig(
  [
    'pipeline: { interval: 15s }',
    'forecast: { step: 1m, horizons: [5m, 10m], history: 300, minSteps: 60, refitEvery: 1h, driftMinSteps: 5 }',
    'sources: [{ name: app, type: push, signal: pushed_error_rate, window: 1m, season: none }]',
    'signals:',
    '  - { name: ratio, type: gauge, selector: x, sources: [app], season: none, threshold: 0.48 }',
  ].join('\n'),
  'test.yaml',
);
const T0 = Date.UTC(2026, 2, 1, 12);
const MINUTE = 60_000;
const settings = resolveForecastSettings(config) as ForecastSettings;
const signals = resolveSignalSettings(config);
const STEADY = { signal: 'ratio', service: 'steady' };
const SHIFTING = { signal: 'ratio', service: 'shifting' };

let store: Store;
let book: ForecastBook;
let tracker: SeriesTracker;
let lifecycle: ModelLifecycle;
const random = mulberry32(11);

/** Both near 0.1; `shifting` jumps to 0.3 at minute `shiftAt`. */
let shiftAt = Infinity;
async function writeMinutes(from: number, to: number): Promise<void> {
  const samples = [];
  for (let t = T0 + from * MINUTE; t < T0 + to * MINUTE; t += 15_000) {
    for (const service of ['steady', 'shifting']) {
      const level = service === 'shifting' && t >= T0 + shiftAt * MINUTE ? 0.3 : 0.1;
      samples.push({ signal: 'ratio', service, timestampMs: t, value: level + 0.004 * (random() - 0.5) });
    }
  }
  await store.writeSamples(samples);
  tracker.observe(samples);
}

async function advance(minute: number): Promise<void> {
  await advanceForecasts({
    nowMs: T0 + minute * MINUTE,
    series: tracker.all(),
    store,
    book,
    settings,
    signals,
    elapsedMs: () => 0,
    lifecycle,
  });
  await lifecycle.flush();
}

/** A minute at a time, as cycles would see them. */
async function run(from: number, to: number): Promise<void> {
  for (let minute = from; minute < to; minute += 1) {
    await writeMinutes(minute, minute + 1);
    await advance(minute + 1);
  }
}

beforeEach(async () => {
  store = await openMemoryStore();
  book = new ForecastBook();
  tracker = new SeriesTracker(300_000, 86_400_000);
  lifecycle = new ModelLifecycle(store, book, settings);
  shiftAt = Infinity;
});
afterEach(() => store.close());

const id = (key: typeof STEADY) => modelId(settings.forecaster.name, key);

describe('model lifecycle', () => {
  it('catalogues each fit with its out-of-sample quality and parameters', async () => {
    await writeMinutes(0, 120);
    await advance(120);
    const steady = await store.getModel(id(STEADY));
    expect(steady).toMatchObject({
      model: settings.forecaster.name,
      version: 1,
      reason: 'initial',
      samples: 119,
      params: { period: null, step: 60, horizons: ['5m', '10m'], threshold: 0.48, thresholdLearned: false },
    });
    // Noise around a level: the forecast beats the naive one-step change.
    expect(steady?.quality.mase).toBeGreaterThan(0.3);
    expect(steady?.quality.mase).toBeLessThan(1.2);
    expect(steady?.quality.brier).toBeGreaterThanOrEqual(0);
    const history = await store.trainingHistory([id(STEADY), id(SHIFTING)], 10);
    expect(history.map((e) => [e.event, e.reason, e.version])).toEqual([
      ['fitted', 'initial', 1],
      ['fitted', 'initial', 1],
    ]);
  });

  it('refits a series whose error drifts before its schedule, and says why', async () => {
    await writeMinutes(0, 120);
    await advance(120);
    shiftAt = 125;
    await run(120, 135);
    // A refit soon after the change has seen little of it, so its error can drift again:
    // every version after the first is a drift refit, at most one per driftMinSteps steps.
    const shifting = await store.getModel(id(SHIFTING));
    expect(shifting?.version).toBeGreaterThanOrEqual(2);
    expect(shifting?.version).toBeLessThanOrEqual(3);
    const history = await store.trainingHistory([id(SHIFTING)], 10);
    expect(history.map((e) => e.reason)).toEqual([
      ...Array<string>(history.length - 1).fill('drift'),
      'initial',
    ]);
    expect(history[history.length - 2]?.detail).toMatch(
      /^recent one-step error .* is \d+\.\d× the error at training .*drift factor 2\)$/,
    );
    expect(lifecycle.takeDriftRefits()).toBe(history.length - 1);
    expect(lifecycle.takeDriftRefits()).toBe(0);
    // The steady series keeps its first version: its scheduled refit is an hour away at least.
    expect((await store.getModel(id(STEADY)))?.version).toBe(1);
    expect(lifecycle.get(STEADY)?.live.steps).toBe(15);
  });

  it('retrains on request with the actor on record, ahead of the schedule', async () => {
    await writeMinutes(0, 120);
    await advance(120);
    const target = await store.getModel(id(STEADY));
    let minute = 120;
    const retrain = new ModelRetrain(
      lifecycle,
      async () => {
        await writeMinutes(minute, minute + 1);
        minute += 1;
        await advance(minute);
      },
      () => T0 + minute * MINUTE,
    );
    const report = await retrain.run(target!, 'alice');
    expect(report).toEqual({ id: id(STEADY), refitted: true, version: 2, detail: null });
    const history = await store.trainingHistory([id(STEADY)], 10);
    expect(history.map((e) => [e.event, e.reason, e.actor, e.version])).toEqual([
      ['fitted', 'manual', 'alice', 2],
      ['retrain_requested', 'manual', 'alice', 1],
      ['fitted', 'initial', null, 1],
    ]);
  });

  it('records a retrain it cannot run, and continues versions after a restart', async () => {
    await writeMinutes(0, 120);
    await advance(120);
    const target = await store.getModel(id(STEADY));
    // A restart: memory is empty, the catalog is not.
    book = new ForecastBook();
    lifecycle = new ModelLifecycle(store, book, settings);
    expect(await lifecycle.restore()).toBe(2);
    expect(lifecycle.requestRetrain(target!, 'bob', T0 + 120.5 * MINUTE)).toMatchObject({ queued: false });
    await lifecycle.flush();
    const [request] = await store.trainingHistory([id(STEADY)], 1);
    expect(request).toMatchObject({ event: 'retrain_requested', actor: 'bob', version: 1 });
    expect(request?.detail).toMatch(/no live forecast/);

    await writeMinutes(120, 121);
    await advance(121);
    expect(await store.getModel(id(STEADY))).toMatchObject({ version: 2, reason: 'refit' });
  });
});
