/**
 * Rollups and retention (DESIGN Decision 7): the scheduled jobs' side of the store.
 */
import type { SeriesKey, TimeRange } from './samples.js';

/** Rollups are 5-minute buckets aligned to the Unix epoch (DESIGN Decision 7). */
export const ROLLUP_BUCKET_MS = 5 * 60_000;

/** One 5-minute bucket of one series' raw samples. */
export interface RollupBucket {
  /** Start of the bucket, Unix ms; the bucket is [startMs, startMs + ROLLUP_BUCKET_MS). */
  startMs: number;
  count: number;
  min: number;
  max: number;
  avg: number;
  /** The value of the bucket's newest sample. */
  last: number;
}

export interface RollupWindow extends SeriesKey {
  /** Oldest first. */
  buckets: RollupBucket[];
}

export interface RollupOutcome {
  /** Bucket rows written (or rewritten, after late samples) by this run. */
  buckets: number;
  /** False when the run stopped at its chunk budget; the next run goes on from there. */
  caughtUp: boolean;
}

/** Cut-off times: everything strictly before them is deleted. */
export interface RetentionCutoffs {
  rawBeforeMs: number;
  rollupsBeforeMs: number;
}

/** Rows deleted, per table. */
export type RetentionOutcome = Record<
  'samples' | 'error_events' | 'sample_rollups' | 'anomalies' | 'incidents',
  number
>;

/**
 * The store's own jobs (DESIGN Decision 7), run on a schedule by the pipeline, never on
 * the scrape path. Audit-like tables (model state, series, schema) are never touched.
 */
export interface MaintenanceStore {
  /**
   * Rolls every finished bucket before `untilMs` up from the raw samples, including
   * buckets that got late samples since they were last rolled up. Works in chunks so
   * ingest is never held up for long; at most `maxChunks` per call.
   */
  rollUp(untilMs: number, options?: { maxChunks?: number }): Promise<RollupOutcome>;
  /** Raw samples go only once rolled up, so retention never loses what rollups have not seen. */
  applyRetention(cutoffs: RetentionCutoffs): Promise<RetentionOutcome>;
  /** Every series' buckets that start inside any of the ranges. */
  readRollups(ranges: readonly TimeRange[]): Promise<RollupWindow[]>;
  /** Bytes the store takes on disk (file and write-ahead log), or in memory for `:memory:`. */
  sizeBytes(): Promise<number>;
  /**
   * Bytes DuckDB holds in memory by its own count (duckdb_memory()): mostly blocks of the
   * file it has read and keeps cached, up to `store.memoryLimit`.
   */
  memoryBytes(): Promise<number>;
}
