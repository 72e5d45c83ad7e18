/**
 * Series resampled to fixed steps for the forecasters: DuckDB averages each step of each
 * series, so a fit over a week at 5-minute steps reads 2 016 rows per series instead of the
 * 40 000 raw samples behind them.
 */
import { DOUBLE, TIMESTAMP, type DuckDBConnection } from '@duckdb/node-api';
import type { SeriesKey, StepWindow, TimeRange } from '../store.js';
import { LIST_OF, list, msToTimestamp, toNumber, toText } from './sql-values.js';

export async function readSteps(
  connection: DuckDBConnection,
  range: TimeRange,
  stepMs: number,
  only: readonly SeriesKey[],
): Promise<StepWindow[]> {
  if (only.length === 0 || !(range.toMs > range.fromMs)) return [];
  // A sample written twice for one instant (a retried push) counts once, its later write.
  const rows = await connection.runAndReadAll(
    `WITH wanted AS (
       SELECT id, signal, service FROM series
       JOIN (SELECT unnest($4) AS signal, unnest($5) AS service) USING (signal, service)
     ), points AS (
       SELECT series_id, epoch_ms(ts)::DOUBLE AS ms, arg_max(value, rowid) AS value
       FROM samples
       WHERE ts >= $1 AND ts < $2 AND series_id IN (SELECT id FROM wanted)
       GROUP BY series_id, ts
     )
     SELECT w.signal, w.service, floor(p.ms / $3) * $3 AS start_ms, avg(p.value), count(*), max(p.ms)
     FROM points p JOIN wanted w ON w.id = p.series_id
     GROUP BY w.signal, w.service, start_ms
     ORDER BY w.signal, w.service, start_ms`,
    [
      msToTimestamp(range.fromMs),
      msToTimestamp(range.toMs),
      stepMs,
      list(only.map((k) => k.signal)),
      list(only.map((k) => k.service)),
    ],
    [TIMESTAMP, TIMESTAMP, DOUBLE, LIST_OF.varchar, LIST_OF.varchar],
  );
  const windows: StepWindow[] = [];
  let current: StepWindow | undefined;
  for (const [signal, service, start, mean, count, last] of rows.getRows()) {
    const key = { signal: toText(signal ?? null), service: toText(service ?? null) };
    if (!current || current.signal !== key.signal || current.service !== key.service) {
      current = { ...key, stepMs, startsMs: [], means: [], counts: [], lastSampleMs: -Infinity };
      windows.push(current);
    }
    current.startsMs.push(toNumber(start ?? null));
    current.means.push(toNumber(mean ?? null));
    current.counts.push(toNumber(count ?? null));
    current.lastSampleMs = Math.max(current.lastSampleMs, toNumber(last ?? null));
  }
  return windows;
}
