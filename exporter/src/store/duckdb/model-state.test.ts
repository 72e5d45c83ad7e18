import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelState, Store } from '../store.js';
import { T0, openMemoryStore } from './test-support.js';

const state = (service: string, model: string, value: unknown, updatedAtMs = T0): ModelState => ({
  signal: 'error_ratio',
  service,
  model,
  state: value,
  updatedAtMs,
});

describe('DuckDB model state store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('round-trips JSON state per model', async () => {
    const nested = { mean: 0.25, residuals: [0.1, -0.2, 1e-12], season: { period: 288 }, label: 'é ✓' };
    await store.saveModelStates([
      state('api', 'ewma', nested),
      state('web', 'ewma', null),
      state('api', 'mstl', 42),
    ]);
    expect(await store.loadModelStates('ewma')).toEqual([
      state('api', 'ewma', nested),
      state('web', 'ewma', null),
    ]);
    expect(await store.loadModelStates('mstl')).toEqual([state('api', 'mstl', 42)]);
    expect(await store.loadModelStates('unknown')).toEqual([]);
  });

  it('upserts: one row per (signal, service, model), the latest save wins', async () => {
    await store.saveModelStates([state('api', 'ewma', { n: 1 })]);
    await store.saveModelStates([state('api', 'ewma', { n: 2 }, T0 + 1000), state('web', 'ewma', { n: 9 })]);
    // Two states for one key in a batch: the last one is kept.
    await store.saveModelStates([
      state('web', 'ewma', { n: 10 }, T0 + 5),
      state('web', 'ewma', { n: 11 }, T0 + 6),
    ]);
    expect(await store.loadModelStates('ewma')).toEqual([
      state('api', 'ewma', { n: 2 }, T0 + 1000),
      state('web', 'ewma', { n: 11 }, T0 + 6),
    ]);
  });

  it('refuses a state that is not JSON, naming the series, and writes nothing of the batch', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      store.saveModelStates([state('api', 'ewma', 1), state('web', 'ewma', cyclic)]),
    ).rejects.toThrow('model state of ewma for error_ratio/web is not JSON');
    expect(await store.loadModelStates('ewma')).toEqual([]);
  });
});
