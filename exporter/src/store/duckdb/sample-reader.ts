/**
 * Reads for the pipeline and the API: every series' samples inside a set of time ranges
 * in one query.
 */
import { TIMESTAMP, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { SeriesKey, SeriesWindow, TimeRange } from '../store.js';
import { LIST_OF, list, msToTimestamp, toNumber, toText } from './sql-values.js';

/**
 * Sorted, disjoint ranges covering the same instants: a sample in two overlapping
 * ranges then matches exactly one of them, so it comes back once.
 */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges
    .filter((r) => Number.isFinite(r.fromMs) && Number.isFinite(r.toMs) && r.toMs > r.fromMs)
    .map((r) => ({ fromMs: r.fromMs, toMs: r.toMs }))
    .sort((a, b) => a.fromMs - b.fromMs);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, range.toMs);
    else merged.push(range);
  }
  return merged;
}

/**
 * `column` inside any of the ranges, as SQL with bound pairs: merged first, so a row in
 * two overlapping ranges matches once; null when no range is left. The OR of plain
 * comparisons lets DuckDB skip row groups whose zonemap misses every range, and the SQL
 * text depends only on the range count.
 */
export function inAnyRange(
  column: string,
  ranges: readonly TimeRange[],
): { sql: string; params: ReturnType<typeof msToTimestamp>[] } | null {
  const merged = mergeRanges(ranges);
  if (merged.length === 0) return null;
  return {
    sql: merged.map((_, i) => `(${column} >= $${2 * i + 1} AND ${column} < $${2 * i + 2})`).join(' OR '),
    params: merged.flatMap((r) => [msToTimestamp(r.fromMs), msToTimestamp(r.toMs)]),
  };
}

export async function readWindows(
  connection: DuckDBConnection,
  ranges: readonly TimeRange[],
  only?: readonly SeriesKey[],
): Promise<SeriesWindow[]> {
  const filter = inAnyRange('ts', ranges);
  if (filter === null || only?.length === 0) return [];
  const params: DuckDBValue[] = [...filter.params];
  const types: DuckDBType[] = params.map(() => TIMESTAMP);
  let seriesFilter = '';
  if (only) {
    // The few series a cycle replays over a long range, not every series' long history.
    const n = params.length;
    seriesFilter = `AND series_id IN (SELECT id FROM series
       JOIN (SELECT unnest($${n + 1}) AS signal, unnest($${n + 2}) AS service) USING (signal, service))`;
    params.push(list(only.map((k) => k.signal)), list(only.map((k) => k.service)));
    types.push(LIST_OF.varchar, LIST_OF.varchar);
  }
  // Flat rows in one global order, grouped here: DuckDB's per-group sorted list()
  // aggregates ran out of a 512 MB memory limit on 10 000 series. Streamed a chunk at a
  // time, so only the windows themselves are held, not a copy of every row as JS values
  // (that copy was ~300 MB at 10 000 series × 330 points).
  const result = await connection.stream(
    `SELECT series_id, epoch_ms(ts)::DOUBLE, value
     FROM samples
     WHERE (${filter.sql}) ${seriesFilter}
     ORDER BY series_id, ts, rowid`,
    params,
    types,
  );
  const grouped = new WindowGrouper();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    grouped.add(chunk.getColumnValues(0), chunk.getColumnValues(1), chunk.getColumnValues(2));
  }
  if (grouped.series.length === 0) return [];
  const names = await seriesNames(connection);
  const windows: SeriesWindow[] = [];
  for (const { id, timestampsMs, values } of grouped.series) {
    const key = names.get(id);
    if (key) windows.push({ ...key, timestampsMs, values });
  }
  return windows.sort((a, b) => compareText(a.signal, b.signal) || compareText(a.service, b.service));
}

/**
 * Rows ordered by (series, ts, write order) into one window per series. A sample written
 * twice for the same instant (a retried push) is one sample: the later write wins, and
 * duplicates are adjacent in that order.
 */
class WindowGrouper {
  readonly series: { id: number; timestampsMs: number[]; values: number[] }[] = [];

  add(ids: readonly DuckDBValue[], timestamps: readonly DuckDBValue[], values: readonly DuckDBValue[]): void {
    let current = this.series[this.series.length - 1];
    for (let i = 0; i < ids.length; i += 1) {
      const id = toNumber(ids[i] ?? null);
      const ts = toNumber(timestamps[i] ?? null);
      const value = toNumber(values[i] ?? null);
      if (!current || current.id !== id) {
        current = { id, timestampsMs: [], values: [] };
        this.series.push(current);
      }
      const last = current.timestampsMs.length - 1;
      if (current.timestampsMs[last] === ts) current.values[last] = value;
      else {
        current.timestampsMs.push(ts);
        current.values.push(value);
      }
    }
  }
}

/** Read after the samples: series are never deleted, so every id found there is here. */
async function seriesNames(connection: DuckDBConnection): Promise<Map<number, SeriesKey>> {
  const rows = (await connection.runAndReadAll('SELECT id, signal, service FROM series')).getRows();
  return new Map(
    rows.map(([id, signal, service]) => [
      toNumber(id ?? null),
      { signal: toText(signal ?? null), service: toText(service ?? null) },
    ]),
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
