/**
 * Writes a batch of samples as one transaction: new series first, the samples through the
 * Appender (the fast path, ~1.7 M rows/s), then each touched series' first/last/count,
 * and a late-sample mark for the rollup job when the batch reaches back into rolled buckets.
 * Either the whole batch is committed or none of it is.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { SeriesSample } from '../../sources/source.js';
import type { RollupMark } from './rollup-store.js';
import type { SeriesIds } from './series-ids.js';
import { inTransaction, msToTimestamp } from './sql-values.js';

interface SeriesBatchStats {
  id: number;
  firstMs: number;
  lastMs: number;
  count: number;
}

/** Per-batch first/last/count of each touched series, staged for one UPDATE … FROM. */
const STATS_TABLE = 'batch_series_stats';

export class SampleWriter {
  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly seriesIds: SeriesIds,
    private readonly rollups: RollupMark,
  ) {}

  static async create(
    connection: DuckDBConnection,
    seriesIds: SeriesIds,
    rollups: RollupMark,
  ): Promise<SampleWriter> {
    // A temp table is private to this connection and never reaches the file. Filling it
    // through an Appender and joining it is about twice as fast as binding the same
    // rows as list parameters, which dominated the cost of a 10 000-series batch.
    await connection.run(
      `CREATE TEMP TABLE ${STATS_TABLE} (series_id INTEGER, first_at TIMESTAMP, last_at TIMESTAMP, n INTEGER)`,
    );
    return new SampleWriter(connection, seriesIds, rollups);
  }

  async write(samples: readonly SeriesSample[]): Promise<void> {
    if (samples.length === 0) return;
    assertWritable(samples);
    const { connection } = this;
    const resolved = await inTransaction(connection, async () => {
      const ids = await this.seriesIds.resolve(connection, samples);
      const stats = new Map<number, SeriesBatchStats>();
      appendAll(await connection.createAppender('samples'), (appender) => {
        for (const sample of samples) {
          const id = ids.idOf(sample.signal, sample.service);
          appender.appendInteger(id);
          appender.appendTimestamp(msToTimestamp(sample.timestampMs));
          appender.appendDouble(sample.value);
          appender.endRow();
          track(stats, id, sample.timestampMs);
        }
      });
      await this.updateSeriesStats(stats.values());
      await this.rollups.noteWritten(connection, Math.min(...[...stats.values()].map((s) => s.firstMs)));
      return ids;
    });
    resolved.commit();
  }

  private async updateSeriesStats(stats: Iterable<SeriesBatchStats>): Promise<void> {
    const { connection } = this;
    await connection.run(`DELETE FROM ${STATS_TABLE}`);
    appendAll(await connection.createAppender(STATS_TABLE, 'main', 'temp'), (appender) => {
      for (const s of stats) {
        appender.appendInteger(s.id);
        appender.appendTimestamp(msToTimestamp(s.firstMs));
        appender.appendTimestamp(msToTimestamp(s.lastMs));
        appender.appendInteger(s.count);
        appender.endRow();
      }
    });
    await connection.run(
      `UPDATE series SET
         first_sample_at = least(coalesce(series.first_sample_at, b.first_at), b.first_at),
         last_sample_at = greatest(coalesce(series.last_sample_at, b.last_at), b.last_at),
         sample_count = series.sample_count + b.n
       FROM ${STATS_TABLE} b
       WHERE series.id = b.series_id`,
    );
  }
}

/**
 * Fills and closes an Appender. Closing flushes the rows into the open transaction;
 * after a failure the unflushed rows are dropped and the caller's rollback removes the rest.
 */
function appendAll(appender: DuckDBAppender, fill: (appender: DuckDBAppender) => void): void {
  try {
    fill(appender);
  } catch (error) {
    try {
      appender.clear();
      appender.closeSync();
    } catch {
      // The fill error is the one worth reporting.
    }
    throw error;
  }
  appender.closeSync();
}

/** Checked before the transaction starts, so a bad sample costs no work. */
function assertWritable(samples: readonly SeriesSample[]): void {
  for (const sample of samples) {
    if (!Number.isFinite(sample.timestampMs)) {
      throw new RangeError(
        `sample of ${sample.signal}/${sample.service} has no valid timestamp (${sample.timestampMs}); batch not written`,
      );
    }
  }
}

function track(stats: Map<number, SeriesBatchStats>, id: number, timestampMs: number): void {
  const current = stats.get(id);
  if (!current) {
    stats.set(id, { id, firstMs: timestampMs, lastMs: timestampMs, count: 1 });
    return;
  }
  current.firstMs = Math.min(current.firstMs, timestampMs);
  current.lastMs = Math.max(current.lastMs, timestampMs);
  current.count += 1;
}
