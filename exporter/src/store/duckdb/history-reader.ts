/**
 * One series' recent values for a chart (GET /api/v1/signals/:signal/values): the raw
 * samples when the range holds few enough, else DuckDB averages them into equal steps so a
 * month of 15 s samples reaches the browser as a few hundred points, with each step's
 * extremes kept (an error spike must not vanish into an average).
 */
import { DOUBLE, INTEGER, TIMESTAMP, type DuckDBConnection } from '@duckdb/node-api';
import type { SeriesHistory, SeriesKey, TimeRange } from '../store.js';
import { msToTimestamp, toNumber } from './sql-values.js';

/** The step that fits `range` into `maxPoints` epoch-aligned steps: whole seconds, at least one. */
export function historyStepMs(range: TimeRange, maxPoints: number): number {
  // Aligned steps can straddle both ends, so n − 1 steps' worth of time may touch n steps.
  const slots = Math.max(1, maxPoints - 1);
  return Math.max(1000, Math.ceil((range.toMs - range.fromMs) / slots / 1000) * 1000);
}

export async function readHistory(
  connection: DuckDBConnection,
  key: SeriesKey,
  range: TimeRange,
  maxPoints: number,
): Promise<SeriesHistory | null> {
  const found = await connection.runAndReadAll('SELECT id FROM series WHERE signal = $1 AND service = $2', [
    key.signal,
    key.service,
  ]);
  const id = found.getRows()[0]?.[0];
  if (id === undefined || id === null) return null;
  if (!(range.toMs > range.fromMs)) return { samples: 0, stepMs: null, points: [] };
  const stepMs = historyStepMs(range, maxPoints);
  // One query: count the samples in range, then group per step only when they are too many.
  // A sample written twice for one instant (a retried push) counts once, its later write.
  const rows = await connection.runAndReadAll(
    `WITH points AS (
       SELECT epoch_ms(ts)::DOUBLE AS ms, arg_max(value, rowid) AS value
       FROM samples WHERE series_id = $1 AND ts >= $2 AND ts < $3
       GROUP BY ts
     ), total AS (SELECT count(*) AS n FROM points)
     SELECT CASE WHEN (SELECT n FROM total) <= $4 THEN ms ELSE floor(ms / $5) * $5 END AS t,
            avg(value), min(value), max(value), (SELECT n FROM total)
     FROM points GROUP BY t ORDER BY t`,
    [id, msToTimestamp(range.fromMs), msToTimestamp(range.toMs), maxPoints, stepMs],
    [INTEGER, TIMESTAMP, TIMESTAMP, INTEGER, DOUBLE],
  );
  const table = rows.getRows();
  const samples = table.length === 0 ? 0 : toNumber(table[0]![4] ?? null);
  return {
    samples,
    stepMs: samples > maxPoints ? stepMs : null,
    points: table.map(([t, mean, min, max]) => ({
      timeMs: toNumber(t ?? null),
      value: toNumber(mean ?? null),
      min: toNumber(min ?? null),
      max: toNumber(max ?? null),
    })),
  };
}
