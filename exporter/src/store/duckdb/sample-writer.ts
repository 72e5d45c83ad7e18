/**
 * Writes a batch of samples atomically: new series first, then the samples through the
 * Appender in data chunks (column vectors, faster than row by row), and a late-sample mark
 * for the rollup job when the batch reaches back into rolled buckets. Either the whole
 * batch is committed or none of it is. Each series' first/last/count is updated in memory
 * once the batch has committed (series-stats.ts says why).
 */
import {
  DOUBLE,
  DuckDBDataChunk,
  INTEGER,
  TIMESTAMP,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBTimestampValue,
} from '@duckdb/node-api';
import type { SeriesSample } from '../../sources/source.js';
import type { RollupMark } from './rollup-store.js';
import type { SeriesIds } from './series-ids.js';
import type { SeriesStats } from './series-stats.js';
import { inTransaction, msToTimestamp } from './sql-values.js';

/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

/**
 * DuckDB's Appender flushes its buffered rows every 100 vectors and at close, each flush
 * in a transaction of its own when none is open. Up to this size a batch is one flush, so
 * closing the Appender commits the batch whole, with no BEGIN/COMMIT round trips (they
 * cost a third of a push's write time).
 */
const ONE_FLUSH_ROWS = 100 * CHUNK_ROWS;

export class SampleWriter {
  private readonly chunk = DuckDBDataChunk.create([INTEGER, TIMESTAMP, DOUBLE]);

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly seriesIds: SeriesIds,
    private readonly rollups: RollupMark,
    private readonly stats: SeriesStats,
  ) {}

  async write(samples: readonly SeriesSample[]): Promise<void> {
    if (samples.length === 0) return;
    const oldestMs = oldestWritable(samples);
    const { connection } = this;
    const selfCommitting = samples.length < ONE_FLUSH_ROWS && !this.rollups.reachesRolled(oldestMs);
    const append = async () => {
      // Outside a transaction, new series rows commit on their own: if the samples then
      // fail, an unused series row is left, which the next batch of it reuses.
      const resolved = await this.seriesIds.resolve(connection, samples);
      appendAll(await connection.createAppender('samples'), (appender) =>
        this.appendChunks(appender, samples, resolved.ids),
      );
      await this.rollups.noteWritten(connection, oldestMs);
      return resolved;
    };
    const resolved = selfCommitting ? await append() : await inTransaction(connection, append);
    resolved.commit();
    this.stats.add(resolved.ids, samples);
  }

  private appendChunks(appender: DuckDBAppender, samples: readonly SeriesSample[], ids: readonly number[]) {
    const times = new TimestampCache();
    for (let from = 0; from < samples.length; from += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, samples.length - from);
      const idColumn = new Array<number>(size);
      const tsColumn = new Array<DuckDBTimestampValue>(size);
      const valueColumn = new Array<number>(size);
      for (let i = 0; i < size; i += 1) {
        const sample = samples[from + i]!;
        idColumn[i] = ids[from + i]!;
        tsColumn[i] = times.of(sample.timestampMs);
        valueColumn[i] = sample.value;
      }
      this.chunk.rowCount = size;
      this.chunk.setColumns([idColumn, tsColumn, valueColumn]);
      appender.appendDataChunk(this.chunk);
    }
  }
}

/** A batch's samples mostly share a few instants (one per scrape): convert each once. */
class TimestampCache {
  private lastMs = NaN;
  private last: DuckDBTimestampValue | undefined;

  of(ms: number): DuckDBTimestampValue {
    if (ms !== this.lastMs || !this.last) {
      this.lastMs = ms;
      this.last = msToTimestamp(ms);
    }
    return this.last;
  }
}

/**
 * Fills and closes an Appender. Closing flushes the rows into the open transaction, or
 * commits them when none is open; after a failure the unflushed rows are dropped and the
 * caller's rollback (if any) removes the rest.
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

/**
 * The batch's oldest sample time. Every timestamp is checked before anything is written,
 * so a bad sample costs no work.
 */
function oldestWritable(samples: readonly SeriesSample[]): number {
  let oldestMs = Infinity;
  for (const sample of samples) {
    if (!Number.isFinite(sample.timestampMs)) {
      throw new RangeError(
        `sample of ${sample.signal}/${sample.service} has no valid timestamp (${sample.timestampMs}); batch not written`,
      );
    }
    if (sample.timestampMs < oldestMs) oldestMs = sample.timestampMs;
  }
  return oldestMs;
}
