import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { mulberry32 } from '../random/mulberry32.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { Store } from '../store/store.js';
import { advanceForecasts } from './advance-forecasts.js';
import { ForecastBook } from './forecast-book.js';
import { resolveForecastSettings, type ForecastSettings } from './forecast-settings.js';
import { SeriesTracker } from './series-tracker.js';
import { resolveSignalSettings } from './signal-settings.js';

// One-minute steps fed by 15 s samples; horizons of 10 and 30 steps.
const config = parseConfig(
  [
    'pipeline: { interval: 15s }',
    'forecast: { step: 1m, horizons: [10m, 30m], history: 300, minSteps: 60, refitEvery: 1h }',
    'sources: [{ name: app, type: push, signal: pushed_error_rate, window: 1m, season: none }]',
    'signals:',
    '  - { name: ratio, type: gauge, selector: x, sources: [app], season: none, threshold: 0.48 }',
  ].join('\n'),
  'test.yaml',
);
const T0 = Date.UTC(2026, 2, 1, 12);
const SAMPLE_MS = 15_000;
const settings = resolveForecastSettings(config) as ForecastSettings;
const signals = resolveSignalSettings(config);
const random = mulberry32(7);

let store: Store;
let book: ForecastBook;
let tracker: SeriesTracker;

/** `rising` climbs 0.002 a minute from 0.1, crossing its threshold (0.48) at minute 190; `steady` stays near 0.1. */
function value(service: string, minute: number): number {
  const noise = 0.004 * (random() - 0.5);
  return (service === 'rising' ? 0.1 + 0.002 * minute : 0.1) + noise;
}

async function writeMinutes(from: number, to: number): Promise<void> {
  const samples = [];
  for (let t = T0 + from * 60_000; t < T0 + to * 60_000; t += SAMPLE_MS) {
    for (const service of ['rising', 'steady'])
      samples.push({ signal: 'ratio', service, timestampMs: t, value: value(service, (t - T0) / 60_000) });
  }
  await store.writeSamples(samples);
  tracker.observe(samples);
}

const advance = (nowMs: number) =>
  advanceForecasts({
    nowMs,
    series: tracker.all(),
    store,
    book,
    settings,
    signals,
    elapsedMs: () => 0,
  });

beforeEach(async () => {
  store = await openMemoryStore();
  book = new ForecastBook();
  tracker = new SeriesTracker(300_000, 86_400_000);
});
afterEach(() => store.close());

describe('forecast stage', () => {
  it('waits for minSteps of history, then fits from the store', async () => {
    await writeMinutes(0, 30);
    const early = await advance(T0 + 30 * 60_000);
    expect(early.fitted).toBe(0);
    expect(book.get('ratio', 'rising')).toBeUndefined();
    // Not read again before the missing steps can exist.
    expect(book.needsFit({ signal: 'ratio', service: 'rising' }, T0 + 31 * 60_000)).toBe(false);

    await writeMinutes(30, 120);
    const later = await advance(T0 + 120 * 60_000);
    expect(later.fitted).toBe(2);
    expect(book.get('ratio', 'rising')?.view.fromMs).toBe(T0 + 119 * 60_000);
  });

  it('sees the rising series reach its threshold and the steady one not', async () => {
    await writeMinutes(0, 170);
    await advance(T0 + 170 * 60_000);
    const rising = book.get('ratio', 'rising')?.view;
    const steady = book.get('ratio', 'steady')?.view;
    expect(rising?.warming).toBe(false);
    // At minute 170 the trend is at 0.44: the crossing is 20 minutes out, inside 30m, past 10m.
    const [tenMinutes, thirtyMinutes] = rising?.horizons ?? [];
    expect(tenMinutes?.band.point).toBeCloseTo(0.1 + 0.002 * 180, 1);
    expect(thirtyMinutes?.breachProbability).toBeGreaterThan(0.5);
    expect(thirtyMinutes?.breachProbability).toBeGreaterThan(tenMinutes?.breachProbability ?? 1);
    expect(rising?.timeToBreachSeconds).toBeGreaterThan(10 * 60);
    expect(rising?.timeToBreachSeconds).toBeLessThanOrEqual(30 * 60);
    expect(steady?.horizons.every((h) => (h.breachProbability ?? 1) < 0.05)).toBe(true);
    expect(steady?.timeToBreachSeconds).toBeNull();
  });

  it('walks a fitted forecast on by each step the new samples close', async () => {
    await writeMinutes(0, 100);
    await advance(T0 + 100 * 60_000);
    const before = book.get('ratio', 'steady');
    expect(before?.view.fromMs).toBe(T0 + 99 * 60_000);
    await writeMinutes(100, 103);
    const outcome = await advance(T0 + 103 * 60_000);
    expect(outcome.fitted).toBe(0);
    const after = book.get('ratio', 'steady');
    expect(after).toBe(before);
    expect(after?.view.fromMs).toBe(T0 + 102 * 60_000);
    expect(after?.walk.breach.seen).toBeGreaterThan(0);
  });

  it('learns a threshold when config has none', async () => {
    const learning = new Map(signals);
    learning.set('ratio', { threshold: undefined, seasonMs: null, detectSeason: false });
    await writeMinutes(0, 100);
    await advanceForecasts({
      nowMs: T0 + 100 * 60_000,
      series: tracker.all(),
      store,
      book,
      settings,
      signals: learning,
      elapsedMs: () => 0,
    });
    const steady = book.get('ratio', 'steady');
    expect(steady?.thresholdLearned).toBe(true);
    expect(steady?.threshold).toBeGreaterThan(0.1);
    expect(steady?.threshold).toBeLessThan(0.11);
  });

  it('stops fitting when the budget is spent and leaves the rest waiting', async () => {
    await writeMinutes(0, 100);
    let clock = 0;
    const tight = { ...settings, fitBudgetMs: 1 };
    // Every read advances the clock past the budget: only the first batch runs.
    const many = Array.from({ length: 60 }, (_, i) => ({
      signal: 'ratio',
      service: `s${i}`,
      lastSampleMs: T0 + 100 * 60_000,
      lastValue: 0.1,
    }));
    const outcome = await advanceForecasts({
      nowMs: T0 + 100 * 60_000,
      series: many,
      store,
      book,
      settings: tight,
      signals,
      elapsedMs: () => (clock += 10),
    });
    expect(outcome.waiting).toBe(35);
  });
});
