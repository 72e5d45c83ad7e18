/**
 * Aggregates behind GET /api/v1/insights: each series' mean over a few long ranges, and its
 * anomaly count. Means come from the five-minute rollups, plus the raw samples the rollup
 * job has not reached yet, so a week costs 2 016 rows per series, not 40 000.
 */
import { TIMESTAMP, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { RangeMeans, SeriesKey, TimeRange } from '../store.js';
import { msToTimestamp, toNumber, toText } from './sql-values.js';

/**
 * `mark` and `parts`: every series' sums and counts between $1 and $2 — five-minute rollups
 * up to where the rollup job has reached, raw samples after it (each its own part).
 */
export const ROLLED_AND_RAW = `mark AS (SELECT coalesce(rolled_until, TIMESTAMP '1970-01-01') AS until FROM rollup_progress),
       parts AS (
         SELECT r.series_id, r.bucket AS ts, r.sum AS total, r.count AS n
         FROM sample_rollups r, mark WHERE r.bucket < mark.until AND r.bucket >= $1 AND r.bucket < $2
         UNION ALL
         SELECT s.series_id, s.ts, s.value, 1
         FROM samples s, mark WHERE s.ts >= mark.until AND s.ts >= $1 AND s.ts < $2
       )`;

export async function rangeMeans(
  connection: DuckDBConnection,
  ranges: readonly TimeRange[],
): Promise<RangeMeans[]> {
  if (ranges.length === 0) return [];
  const params: DuckDBValue[] = [
    msToTimestamp(Math.min(...ranges.map((r) => r.fromMs))),
    msToTimestamp(Math.max(...ranges.map((r) => r.toMs))),
  ];
  const columns = ranges.map((range, i) => {
    params.push(msToTimestamp(range.fromMs), msToTimestamp(range.toMs));
    const inRange = `p.ts >= $${2 * i + 3} AND p.ts < $${2 * i + 4}`;
    return `sum(p.total) FILTER (WHERE ${inRange}), sum(p.n) FILTER (WHERE ${inRange})`;
  });
  const types: DuckDBType[] = params.map(() => TIMESTAMP);
  const rows = (
    await connection.runAndReadAll(
      `WITH ${ROLLED_AND_RAW}
       SELECT se.signal, se.service, ${columns.join(', ')}
       FROM parts p JOIN series se ON se.id = p.series_id
       GROUP BY se.signal, se.service
       ORDER BY se.signal, se.service`,
      params,
      types,
    )
  ).getRows();
  return rows.map(([signal, service, ...sums]) => {
    const means: (number | null)[] = [];
    const counts: number[] = [];
    for (let i = 0; i < ranges.length; i += 1) {
      const total = sums[2 * i] ?? null;
      const n = sums[2 * i + 1] ?? null;
      const count = n === null ? 0 : toNumber(n);
      counts.push(count);
      means.push(count > 0 && total !== null ? toNumber(total) / count : null);
    }
    return { signal: toText(signal ?? null), service: toText(service ?? null), means, counts };
  });
}

export async function countAnomalies(
  connection: DuckDBConnection,
  range: TimeRange,
): Promise<(SeriesKey & { count: number })[]> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT se.signal, se.service, count(*)
       FROM anomalies a JOIN series se ON se.id = a.series_id
       WHERE a.ts >= $1 AND a.ts < $2
       GROUP BY se.signal, se.service
       ORDER BY se.signal, se.service`,
      [msToTimestamp(range.fromMs), msToTimestamp(range.toMs)],
    )
  ).getRows();
  return rows.map(([signal, service, count]) => ({
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    count: toNumber(count ?? null),
  }));
}
