/**
 * Each series' first and last sample time and sample count, for listSeries. Kept in
 * memory and merged after every committed batch; written to the `series` table by
 * flush() — from the maintenance job, before retention, and at close — instead of by
 * every batch, where the UPDATE of every touched series row cost more than appending
 * the samples. While the store is open the file is marked unclean, so after a crash the
 * next open recounts the table from the samples (migration 0004).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SeriesInfo, SeriesKey } from '../store.js';
import { inTransaction, msToTimestamp, toNumber } from './sql-values.js';

const STAGED = 'series_stats_flush';

/**
 * Per-series figures in columns indexed by series id. Ids come from a sequence, so they
 * are dense; a batch then updates its series with no allocation. A map of one object per
 * series, rebuilt per batch, cost more than appending the samples (test/bench/ingest.ts).
 */
class StatColumns {
  firstMs = new Float64Array(0);
  lastMs = new Float64Array(0);
  count = new Float64Array(0);

  get length(): number {
    return this.count.length;
  }

  /** Room for `id`, growing by doubling so a growing series count costs amortised O(1). */
  reserve(id: number): void {
    if (id < this.count.length) return;
    const size = Math.max(id + 1, 2 * this.count.length, 1024);
    this.firstMs = grown(this.firstMs, size);
    this.lastMs = grown(this.lastMs, size);
    this.count = grown(this.count, size);
  }
}

function grown(column: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(size);
  next.set(column);
  return next;
}

export class SeriesStats {
  private columns = new StatColumns();
  private dirty = new Uint8Array(0);
  private dirtyIds: number[] = [];

  /** Loads the table, recounting it first if the last process did not close the store. */
  static async open(connection: DuckDBConnection, log?: (recountMs: number) => void): Promise<SeriesStats> {
    const [[clean = false] = []] = (
      await connection.runAndReadAll('SELECT stats_clean FROM store_state')
    ).getRows();
    // A new file starts unclean too (migration 0004); with no series there is nothing to
    // recount and nothing to warn about.
    if (clean !== true && (await hasSeries(connection))) {
      const started = performance.now();
      await recount(connection);
      log?.(performance.now() - started);
    }
    await connection.run('UPDATE store_state SET stats_clean = false');
    await connection.run(
      `CREATE TEMP TABLE IF NOT EXISTS ${STAGED} (id INTEGER, first_at TIMESTAMP, last_at TIMESTAMP, n BIGINT)`,
    );
    const stats = new SeriesStats();
    await stats.reload(connection);
    return stats;
  }

  /** Call once the batch has committed: `ids[i]` is the series of `samples[i]`. */
  add(ids: ArrayLike<number>, samples: readonly { timestampMs: number }[]): void {
    const columns = this.columns;
    for (let i = 0; i < samples.length; i += 1) {
      const id = ids[i]!;
      const timestampMs = samples[i]!.timestampMs;
      if (id >= columns.length) this.reserve(id);
      const { firstMs, lastMs, count } = columns;
      if (count[id] === 0) {
        firstMs[id] = timestampMs;
        lastMs[id] = timestampMs;
      } else {
        if (timestampMs < firstMs[id]!) firstMs[id] = timestampMs;
        if (timestampMs > lastMs[id]!) lastMs[id] = timestampMs;
      }
      count[id] = count[id]! + 1;
      if (this.dirty[id] === 0) {
        this.dirty[id] = 1;
        this.dirtyIds.push(id);
      }
    }
  }

  private reserve(id: number): void {
    this.columns.reserve(id);
    if (this.dirty.length < this.columns.length) {
      const dirty = new Uint8Array(this.columns.length);
      dirty.set(this.dirty);
      this.dirty = dirty;
    }
  }

  /** Writes what changed since the last flush to the table, in one transaction. */
  async flush(connection: DuckDBConnection): Promise<void> {
    if (this.dirtyIds.length === 0) return;
    const ids = this.dirtyIds;
    const { firstMs, lastMs, count } = this.columns;
    await inTransaction(connection, async () => {
      await connection.run(`DELETE FROM ${STAGED}`);
      const appender = await connection.createAppender(STAGED, 'main', 'temp');
      for (const id of ids) {
        if (count[id] === 0) continue;
        appender.appendInteger(id);
        appender.appendTimestamp(msToTimestamp(firstMs[id]!));
        appender.appendTimestamp(msToTimestamp(lastMs[id]!));
        appender.appendBigInt(BigInt(count[id]!));
        appender.endRow();
      }
      appender.closeSync();
      await connection.run(
        `UPDATE series SET first_sample_at = b.first_at, last_sample_at = b.last_at, sample_count = b.n
         FROM ${STAGED} b WHERE series.id = b.id`,
      );
    });
    // Writes share the writer connection's queue, so no batch was added during the flush.
    for (const id of ids) this.dirty[id] = 0;
    this.dirtyIds = [];
  }

  /** After SQL changed the table (retention): the table is the truth again. Flush first. */
  async reload(connection: DuckDBConnection): Promise<void> {
    const rows = (
      await connection.runAndReadAll(
        `SELECT id, epoch_ms(first_sample_at)::DOUBLE, epoch_ms(last_sample_at)::DOUBLE, sample_count::DOUBLE
         FROM series WHERE sample_count > 0`,
      )
    ).getRows();
    this.columns = new StatColumns();
    this.dirty = new Uint8Array(0);
    this.dirtyIds = [];
    for (const [rawId, first, last, count] of rows) {
      const id = toNumber(rawId ?? null);
      this.reserve(id);
      this.columns.firstMs[id] = toNumber(first ?? null);
      this.columns.lastMs[id] = toNumber(last ?? null);
      this.columns.count[id] = toNumber(count ?? null);
    }
  }

  /** At close, after the last flush: the next open may trust the table. */
  async markClean(connection: DuckDBConnection): Promise<void> {
    await this.flush(connection);
    await connection.run('UPDATE store_state SET stats_clean = true');
  }

  /** Series with samples, by signal then service, as listSeries returns them. */
  list(names: ReadonlyMap<number, SeriesKey>): SeriesInfo[] {
    const out: SeriesInfo[] = [];
    const { firstMs, lastMs, count } = this.columns;
    for (let id = 0; id < count.length; id += 1) {
      const key = count[id] === 0 ? undefined : names.get(id);
      if (!key) continue;
      out.push({ ...key, firstSampleMs: firstMs[id]!, lastSampleMs: lastMs[id]!, samples: count[id]! });
    }
    return out.sort((a, b) => compareText(a.signal, b.signal) || compareText(a.service, b.service));
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every series' bookkeeping from its samples: exact, and a full scan, so only after a crash. */
async function hasSeries(connection: DuckDBConnection): Promise<boolean> {
  return (await connection.runAndReadAll('SELECT 1 FROM series LIMIT 1')).getRows().length > 0;
}

async function recount(connection: DuckDBConnection): Promise<void> {
  await inTransaction(connection, async () => {
    await connection.run('UPDATE series SET sample_count = 0, first_sample_at = NULL');
    await connection.run(
      `UPDATE series SET first_sample_at = s.first_at, last_sample_at = s.last_at, sample_count = s.n
       FROM (SELECT series_id, min(ts) AS first_at, max(ts) AS last_at, count(*) AS n
             FROM samples GROUP BY series_id) s
       WHERE series.id = s.series_id`,
    );
  });
}
