/**
 * Writes a batch of samples as one transaction: new series first, the samples through the
 * Appender (the fast path, ~1.7 M rows/s), then each touched series' first/last/count.
 * Either the whole batch is committed or none of it is.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SeriesSample } from '../../sources/source.js';
import type { SeriesIds } from './series-ids.js';
import { LIST_OF, inTransaction, list, msToTimestamp, timestampList } from './sql-values.js';

interface SeriesBatchStats {
  id: number;
  firstMs: number;
  lastMs: number;
  count: number;
}

export async function writeSampleBatch(
  connection: DuckDBConnection,
  seriesIds: SeriesIds,
  samples: readonly SeriesSample[],
): Promise<void> {
  if (samples.length === 0) return;
  assertWritable(samples);
  const resolved = await inTransaction(connection, async () => {
    const ids = await seriesIds.resolve(connection, samples);
    const stats = new Map<number, SeriesBatchStats>();
    const appender = await connection.createAppender('samples');
    try {
      for (const sample of samples) {
        const id = ids.idOf(sample.signal, sample.service);
        appender.appendInteger(id);
        appender.appendTimestamp(msToTimestamp(sample.timestampMs));
        appender.appendDouble(sample.value);
        appender.endRow();
        track(stats, id, sample.timestampMs);
      }
    } finally {
      // Closing flushes the rows into the open transaction; on failure they are rolled
      // back with it.
      appender.closeSync();
    }
    await updateSeriesStats(connection, [...stats.values()]);
    return ids;
  });
  resolved.commit();
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

async function updateSeriesStats(connection: DuckDBConnection, stats: SeriesBatchStats[]): Promise<void> {
  await connection.run(
    `UPDATE series SET
       first_sample_at = least(coalesce(series.first_sample_at, b.first_at), b.first_at),
       last_sample_at = greatest(coalesce(series.last_sample_at, b.last_at), b.last_at),
       sample_count = series.sample_count + b.n
     FROM (SELECT unnest($1) AS id, unnest($2) AS first_at, unnest($3) AS last_at, unnest($4) AS n) b
     WHERE series.id = b.id`,
    [
      list(stats.map((s) => s.id)),
      timestampList(stats.map((s) => s.firstMs)),
      timestampList(stats.map((s) => s.lastMs)),
      list(stats.map((s) => s.count)),
    ],
    [LIST_OF.integer, LIST_OF.timestamp, LIST_OF.timestamp, LIST_OF.integer],
  );
}
