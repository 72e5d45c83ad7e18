/**
 * The store's scheduled jobs (DESIGN Decision 7), on their own timer so they never run on
 * the scrape path or inside a cycle: roll finished 5-minute buckets up, then apply
 * retention (raw samples go only once rolled up), then count what was done.
 */
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { Logger } from '../log/logger.js';
import type { MaintenanceStore, RetentionOutcome } from '../store/store.js';

export const RETENTION_TABLES: readonly (keyof RetentionOutcome)[] = [
  'samples',
  'error_events',
  'sample_rollups',
  'anomalies',
  'incidents',
];

/** A day of backlog per run at most (24 one-hour chunks), so shutdown never waits long. */
const MAX_CHUNKS_PER_RUN = 24;

export interface MaintenanceDeps {
  store: MaintenanceStore;
  rawRetentionMs: number;
  retentionMs: number;
  self: SelfMetrics;
  logger: Logger;
}

export async function runStoreMaintenance(deps: MaintenanceDeps, nowMs: number): Promise<void> {
  const rolled = await deps.store.rollUp(nowMs, { maxChunks: MAX_CHUNKS_PER_RUN });
  deps.self.storeRollupBuckets.inc(rolled.buckets);
  const deleted = await deps.store.applyRetention({
    rawBeforeMs: nowMs - deps.rawRetentionMs,
    rollupsBeforeMs: nowMs - deps.retentionMs,
  });
  for (const table of RETENTION_TABLES) deps.self.storeRetentionDeleted.inc({ table }, deleted[table]);
  deps.self.storeMaintenanceLastSuccess.set(nowMs / 1000);
  const removed = RETENTION_TABLES.reduce((sum, table) => sum + deleted[table], 0);
  const log = rolled.buckets > 0 || removed > 0 ? deps.logger.info : deps.logger.debug;
  log.call(
    deps.logger,
    { rollupBuckets: rolled.buckets, caughtUp: rolled.caughtUp, deleted },
    'store maintenance done',
  );
}
