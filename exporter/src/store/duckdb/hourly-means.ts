/**
 * Every series' mean per UTC hour over a range, for daily patterns (GET /api/v1/insights):
 * from the five-minute rollups and the raw samples not rolled up yet, so a week costs the
 * store 2 016 rows per series and the API 168 numbers. One row per series, its hours as
 * two lists, so 10 000 series are 10 000 rows to read, not 1.7 million.
 */
import { DuckDBListValue, TIMESTAMP, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { HourlyMeans, TimeRange } from '../store.js';
import { ROLLED_AND_RAW } from './insight-store.js';
import { msToTimestamp, toNumber, toText } from './sql-values.js';

export async function hourlyMeans(connection: DuckDBConnection, range: TimeRange): Promise<HourlyMeans[]> {
  const rows = (
    await connection.runAndReadAll(
      `WITH ${ROLLED_AND_RAW},
       hours AS (
         SELECT series_id, date_trunc('hour', ts) AS hour, sum(total) / sum(n) AS mean
         FROM parts GROUP BY series_id, date_trunc('hour', ts)
       )
       SELECT se.signal, se.service, list(epoch_ms(h.hour) ORDER BY h.hour), list(h.mean ORDER BY h.hour)
       FROM hours h JOIN series se ON se.id = h.series_id
       GROUP BY se.signal, se.service
       ORDER BY se.signal, se.service`,
      [msToTimestamp(range.fromMs), msToTimestamp(range.toMs)],
      [TIMESTAMP, TIMESTAMP],
    )
  ).getRows();
  return rows.map(([signal, service, starts, means]) => ({
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    startsMs: listOf(starts),
    means: listOf(means),
  }));
}

function listOf(value: DuckDBValue | undefined): number[] {
  return value instanceof DuckDBListValue ? value.items.map(toNumber) : [];
}
