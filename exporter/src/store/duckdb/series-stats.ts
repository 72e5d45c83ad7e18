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

export interface SeriesStat {
  firstMs: number;
  lastMs: number;
  count: number;
}

const STAGED = 'series_stats_flush';

export class SeriesStats {
  private readonly stats = new Map<number, SeriesStat>();
  private readonly dirty = new Set<number>();

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

  /** Call once the batch has committed. */
  merge(batch: ReadonlyMap<number, SeriesStat>): void {
    for (const [id, add] of batch) {
      const known = this.stats.get(id);
      this.stats.set(
        id,
        known && known.count > 0
          ? {
              firstMs: Math.min(known.firstMs, add.firstMs),
              lastMs: Math.max(known.lastMs, add.lastMs),
              count: known.count + add.count,
            }
          : add,
      );
      this.dirty.add(id);
    }
  }

  /** Writes what changed since the last flush to the table, in one transaction. */
  async flush(connection: DuckDBConnection): Promise<void> {
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    await inTransaction(connection, async () => {
      await connection.run(`DELETE FROM ${STAGED}`);
      const appender = await connection.createAppender(STAGED, 'main', 'temp');
      for (const id of ids) {
        const s = this.stats.get(id)!;
        appender.appendInteger(id);
        appender.appendTimestamp(msToTimestamp(s.firstMs));
        appender.appendTimestamp(msToTimestamp(s.lastMs));
        appender.appendBigInt(BigInt(s.count));
        appender.endRow();
      }
      appender.closeSync();
      await connection.run(
        `UPDATE series SET first_sample_at = b.first_at, last_sample_at = b.last_at, sample_count = b.n
         FROM ${STAGED} b WHERE series.id = b.id`,
      );
    });
    for (const id of ids) this.dirty.delete(id);
  }

  /** After SQL changed the table (retention): the table is the truth again. Flush first. */
  async reload(connection: DuckDBConnection): Promise<void> {
    const rows = (
      await connection.runAndReadAll(
        `SELECT id, epoch_ms(first_sample_at)::DOUBLE, epoch_ms(last_sample_at)::DOUBLE, sample_count::DOUBLE
         FROM series WHERE sample_count > 0`,
      )
    ).getRows();
    this.stats.clear();
    for (const [id, first, last, count] of rows) {
      this.stats.set(toNumber(id ?? null), {
        firstMs: toNumber(first ?? null),
        lastMs: toNumber(last ?? null),
        count: toNumber(count ?? null),
      });
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
    for (const [id, s] of this.stats) {
      const key = names.get(id);
      if (!key || s.count === 0) continue;
      out.push({ ...key, firstSampleMs: s.firstMs, lastSampleMs: s.lastMs, samples: s.count });
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
