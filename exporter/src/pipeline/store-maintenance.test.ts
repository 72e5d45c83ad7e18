import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { createLogger } from '../log/logger.js';
import { openMemoryStore, sample, T0 } from '../store/duckdb/test-support.js';
import type { Store } from '../store/store.js';
import { RETENTION_TABLES, runStoreMaintenance } from './store-maintenance.js';

const DAY = 86_400_000;
const logger = createLogger({ level: 'error', format: 'json' });

describe('store maintenance', () => {
  let store: Store;
  let self: SelfMetrics;
  beforeEach(async () => {
    store = await openMemoryStore();
    self = new SelfMetrics({ processMetrics: false });
    self.registerStore(store, RETENTION_TABLES);
  });
  afterEach(() => store.close());

  const run = (nowMs: number) =>
    runStoreMaintenance({ store, self, logger, rawRetentionMs: 2 * DAY, retentionMs: 10 * DAY }, nowMs);

  it('rolls up, applies retention and counts both in the self metrics', async () => {
    const exposition = () => self.registry.metrics();
    expect(await exposition()).toContain('omen_store_retention_deleted_rows_total{table="samples"} 0');
    await store.writeSamples(
      [0, 1, 2, 3].map((day) => ({ ...sample('api', 0, day), timestampMs: T0 + day * DAY })),
    );
    await run(T0 + 3 * DAY + 1);
    // 3 buckets rolled (day 3's is not finished); day 0's raw sample is older than 2 days.
    expect((await store.readWindows([{ fromMs: 0, toMs: T0 + 4 * DAY }]))[0]?.values).toEqual([1, 2, 3]);
    const text = await exposition();
    expect(text).toContain('omen_store_rollup_buckets_total 3');
    expect(text).toContain('omen_store_retention_deleted_rows_total{table="samples"} 1');
    expect(text).toContain(
      `omen_store_maintenance_last_success_timestamp_seconds ${(T0 + 3 * DAY + 1) / 1000}`,
    );
    expect(text).toMatch(/^omen_store_size_bytes [1-9]\d*$/m);

    await run(T0 + 12 * DAY);
    expect(await exposition()).toContain('omen_store_retention_deleted_rows_total{table="sample_rollups"} 2');
  });
});
