/**
 * 5-minute rollups of the raw samples (DESIGN Decision 7). The job rolls up whole buckets
 * from `rollup_progress.rolled_until` (or from the earliest late sample, `dirty_from`)
 * up to the last finished bucket, one chunk per transaction, so pushes and cycles queue
 * behind a chunk at most, never behind a whole backlog.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ROLLUP_BUCKET_MS, type RollupWindow, type TimeRange } from '../store.js';
import { inAnyRange } from './sample-reader.js';
import { inTransaction, msToTimestamp, toNumber, toText } from './sql-values.js';

/** One hour per transaction: ~2.4 M rows for 10 000 series at a 15 s interval. */
export const ROLLUP_CHUNK_MS = 12 * ROLLUP_BUCKET_MS;

export const alignDown = (ms: number) => Math.floor(ms / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;

interface Progress {
  rolledUntilMs: number | null;
  dirtyFromMs: number | null;
  rawKeptFromMs: number | null;
}

/** The chunk to roll up next, or where the watermark may jump to when none is left. */
type NextChunk = { fromMs: number; toMs: number } | { skipToMs: number };

/**
 * Where the rollups stand, cached for the sample writer: a batch with a sample before
 * `rolledUntilMs` must mark its time dirty in the same transaction. Reads and updates
 * happen on the write connection's queue, so the cache never races the table.
 */
export class RollupMark {
  private constructor(private rolledUntil: number | null) {}

  static async load(connection: DuckDBConnection): Promise<RollupMark> {
    return new RollupMark((await readProgress(connection)).rolledUntilMs);
  }

  /** Whether a batch reaching back to `oldestMs` must mark its time dirty. */
  reachesRolled(oldestMs: number): boolean {
    return this.rolledUntil !== null && oldestMs < this.rolledUntil;
  }

  /** Call inside the batch's transaction, with the batch's oldest sample time. */
  async noteWritten(connection: DuckDBConnection, oldestMs: number): Promise<void> {
    if (!this.reachesRolled(oldestMs)) return;
    await connection.run('UPDATE rollup_progress SET dirty_from = least(coalesce(dirty_from, $1), $1)', [
      msToTimestamp(oldestMs),
    ]);
  }

  /**
   * Rolls up one chunk, in one transaction. Returns the bucket rows written, or null when
   * there is nothing before `untilMs`'s bucket left to roll up.
   */
  async rollUpChunk(connection: DuckDBConnection, untilMs: number): Promise<number | null> {
    const cutoffMs = alignDown(untilMs);
    const result = await inTransaction(connection, async () => {
      const progress = await readProgress(connection);
      const next = await nextChunk(connection, progress, cutoffMs);
      if ('skipToMs' in next) {
        const rolledUntilMs = Math.max(progress.rolledUntilMs ?? next.skipToMs, next.skipToMs);
        await saveProgress(connection, { rolledUntilMs, dirtyFromMs: null });
        return { buckets: null, rolledUntilMs };
      }
      const buckets = await rewriteBuckets(connection, next.fromMs, next.toMs);
      const advanced = advance(progress, next.toMs);
      await saveProgress(connection, advanced);
      return { buckets, rolledUntilMs: advanced.rolledUntilMs };
    });
    this.rolledUntil = result.rolledUntilMs;
    return result.buckets;
  }

  /** Raw samples at or after this time may not be rolled up yet, so retention keeps them. */
  async rolledUpBefore(connection: DuckDBConnection): Promise<number> {
    const { rolledUntilMs, dirtyFromMs } = await readProgress(connection);
    return alignDown(Math.min(rolledUntilMs ?? -Infinity, dirtyFromMs ?? Infinity));
  }
}

/** Retention calls this in its transaction: buckets before the cut-off are final. */
export async function noteRawDeletedBefore(connection: DuckDBConnection, beforeMs: number): Promise<void> {
  await connection.run(
    'UPDATE rollup_progress SET raw_kept_from = greatest(coalesce(raw_kept_from, $1), $1)',
    [msToTimestamp(beforeMs)],
  );
}

async function readProgress(connection: DuckDBConnection): Promise<Progress> {
  const [row] = (
    await connection.runAndReadAll(
      `SELECT epoch_ms(rolled_until)::DOUBLE, epoch_ms(dirty_from)::DOUBLE, epoch_ms(raw_kept_from)::DOUBLE
       FROM rollup_progress`,
    )
  ).getRows();
  const [rolled = null, dirty = null, kept = null] = row ?? [];
  const ms = (value: typeof rolled) => (value === null ? null : toNumber(value));
  return { rolledUntilMs: ms(rolled), dirtyFromMs: ms(dirty), rawKeptFromMs: ms(kept) };
}

async function saveProgress(connection: DuckDBConnection, progress: Omit<Progress, 'rawKeptFromMs'>) {
  const { rolledUntilMs, dirtyFromMs } = progress;
  await connection.run('UPDATE rollup_progress SET rolled_until = $1, dirty_from = $2', [
    rolledUntilMs === null ? null : msToTimestamp(rolledUntilMs),
    dirtyFromMs === null ? null : msToTimestamp(dirtyFromMs),
  ]);
}

/**
 * From the earliest time needing work (a late sample, else the watermark, never before
 * what retention left), skipping straight to the first sample: an idle stretch costs no
 * chunks. Null watermark: nothing is rolled up yet, so work starts at the first sample.
 */
async function nextChunk(
  connection: DuckDBConnection,
  progress: Progress,
  cutoffMs: number,
): Promise<NextChunk> {
  const { rolledUntilMs, dirtyFromMs, rawKeptFromMs } = progress;
  const needed = rolledUntilMs === null ? -Infinity : Math.min(rolledUntilMs, dirtyFromMs ?? Infinity);
  const fromMs = Math.max(needed, rawKeptFromMs ?? -Infinity);
  const [row] = (
    await connection.runAndReadAll(
      Number.isFinite(fromMs)
        ? 'SELECT epoch_ms(min(ts))::DOUBLE FROM samples WHERE ts >= $1'
        : 'SELECT epoch_ms(min(ts))::DOUBLE FROM samples',
      Number.isFinite(fromMs) ? [msToTimestamp(fromMs)] : [],
    )
  ).getRows();
  const first = row?.[0] ?? null;
  if (first === null || toNumber(first) >= cutoffMs) return { skipToMs: cutoffMs };
  const startMs = alignDown(toNumber(first));
  return { fromMs: startMs, toMs: Math.min(startMs + ROLLUP_CHUNK_MS, cutoffMs) };
}

/**
 * Replaces the buckets of [fromMs, toMs) with fresh aggregates. A sample written twice
 * for the same instant counts once, its later write winning, as readWindows reads it.
 */
async function rewriteBuckets(connection: DuckDBConnection, fromMs: number, toMs: number): Promise<number> {
  const range = [msToTimestamp(fromMs), msToTimestamp(toMs)];
  await connection.run('DELETE FROM sample_rollups WHERE bucket >= $1 AND bucket < $2', range);
  const inserted = await connection.run(
    `INSERT INTO sample_rollups
     WITH points AS (
       SELECT series_id, ts, arg_max(value, rowid) AS value
       FROM samples
       WHERE ts >= $1 AND ts < $2
       GROUP BY series_id, ts
     )
     SELECT series_id, time_bucket(INTERVAL '${ROLLUP_BUCKET_MS / 60_000} minutes', ts) AS bucket,
            count(*), min(value), max(value), sum(value), arg_max(value, ts), max(ts)
     FROM points
     GROUP BY series_id, bucket`,
    range,
  );
  return inserted.rowsChanged;
}

/**
 * The progress after rolling up a chunk ending at toMs: the watermark moves to at least
 * toMs. A late mark before toMs is done with (the chunk started at the first sample at or
 * after it), or moves to toMs while rolled buckets after the chunk still need redoing.
 */
export function advance(
  progress: Omit<Progress, 'rawKeptFromMs'>,
  toMs: number,
): Omit<Progress, 'rawKeptFromMs'> {
  const previous = progress.rolledUntilMs ?? toMs;
  const rolledUntilMs = Math.max(previous, toMs);
  const dirty = progress.dirtyFromMs;
  if (dirty === null || dirty >= toMs) return { rolledUntilMs, dirtyFromMs: dirty };
  return { rolledUntilMs, dirtyFromMs: toMs < previous ? toMs : null };
}

export async function readRollups(
  connection: DuckDBConnection,
  ranges: readonly TimeRange[],
): Promise<RollupWindow[]> {
  const filter = inAnyRange('r.bucket', ranges);
  if (filter === null) return [];
  const rows = (
    await connection.runAndReadAll(
      `SELECT s.signal, s.service, epoch_ms(r.bucket)::DOUBLE, r.count, r.min, r.max, r.sum / r.count, r.last
       FROM sample_rollups r JOIN series s ON s.id = r.series_id
       WHERE ${filter.sql}
       ORDER BY s.signal, s.service, r.bucket`,
      filter.params,
    )
  ).getRows();
  const windows: RollupWindow[] = [];
  for (const [signal, service, start, count, min, max, avg, last] of rows) {
    const key = { signal: toText(signal ?? null), service: toText(service ?? null) };
    let window = windows[windows.length - 1];
    if (!window || window.signal !== key.signal || window.service !== key.service) {
      window = { ...key, buckets: [] };
      windows.push(window);
    }
    window.buckets.push({
      startMs: toNumber(start ?? null),
      count: toNumber(count ?? null),
      min: toNumber(min ?? null),
      max: toNumber(max ?? null),
      avg: toNumber(avg ?? null),
      last: toNumber(last ?? null),
    });
  }
  return windows;
}
