import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnomalyRecord, Store } from '../store.js';
import { MINUTE, T0, openMemoryStore, sample } from './test-support.js';

const anomaly = (service: string, minute: number): AnomalyRecord => ({
  ...sample(service, minute, 0.3),
  score: 0.999,
  severity: 'high',
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model: 'tail_ensemble',
  kind: 'spike',
  explanation: 'spike',
});

describe('DuckDB insight aggregates', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('averages each series over each range, from rollups and the raw samples not rolled up yet', async () => {
    // payments: 1 for the first hour, 3 for the second; catalog only in the second.
    const samples = [];
    for (let m = 0; m < 120; m += 1) samples.push(sample('payments', m, m < 60 ? 1 : 3));
    for (let m = 60; m < 120; m += 1) samples.push(sample('catalog', m, 5));
    await store.writeSamples(samples);
    const hours = [
      { fromMs: T0, toMs: T0 + 60 * MINUTE },
      { fromMs: T0 + 60 * MINUTE, toMs: T0 + 120 * MINUTE },
    ];
    const expected = [
      { signal: 'error_ratio', service: 'catalog', means: [null, 5], counts: [0, 60] },
      { signal: 'error_ratio', service: 'payments', means: [1, 3], counts: [60, 60] },
    ];
    expect(await store.rangeMeans(hours)).toEqual(expected);
    // Rolled up to the middle of the second hour: the same answer, half from rollups.
    await store.rollUp(T0 + 90 * MINUTE);
    expect(await store.rangeMeans(hours)).toEqual(expected);
    expect(await store.rangeMeans([])).toEqual([]);
  });

  it('counts anomalies per series inside a range', async () => {
    await store.writeAnomalies([anomaly('payments', 1), anomaly('payments', 2), anomaly('catalog', 30)]);
    expect(await store.countAnomalies({ fromMs: T0, toMs: T0 + 10 * MINUTE })).toEqual([
      { signal: 'error_ratio', service: 'payments', count: 2 },
    ]);
  });
});
