/**
 * Reads for the pipeline and the API: every series' samples inside a set of time ranges
 * in one query, and the list of known series.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { SeriesInfo, SeriesWindow, TimeRange } from '../store.js';
import { msToTimestamp, toNumber, toText } from './sql-values.js';

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

export async function readWindows(
  connection: DuckDBConnection,
  ranges: readonly TimeRange[],
): Promise<SeriesWindow[]> {
  const merged = mergeRanges(ranges);
  if (merged.length === 0) return [];
  // One bound pair per range; the OR of plain comparisons lets DuckDB skip row groups
  // whose zonemap misses every range. The SQL text depends only on the range count.
  const conditions = merged.map((_, i) => `(s.ts >= $${2 * i + 1} AND s.ts < $${2 * i + 2})`);
  const params = merged.flatMap((r) => [msToTimestamp(r.fromMs), msToTimestamp(r.toMs)]);
  const rows = (
    await connection.runAndReadAll(
      `SELECT se.signal, se.service,
              list(epoch_ms(s.ts)::DOUBLE ORDER BY s.ts, s.rowid) AS ts_ms,
              list(s.value ORDER BY s.ts, s.rowid) AS vals
       FROM samples s JOIN series se ON se.id = s.series_id
       WHERE ${conditions.join(' OR ')}
       GROUP BY se.signal, se.service
       ORDER BY se.signal, se.service`,
      params,
    )
  ).getRows();
  return rows.map(([signal, service, timestamps, values]) => ({
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    ...lastPerTimestamp(listItems(timestamps), listItems(values)),
  }));
}

function listItems(value: DuckDBValue | undefined): number[] {
  if (value && typeof value === 'object' && 'items' in value) return value.items.map(toNumber);
  throw new TypeError(`expected a list from DuckDB, got ${String(value)}`);
}

/**
 * A sample written twice for the same instant (a retried push) is one sample: the later
 * write wins. Input is ordered by (ts, write order), so duplicates are adjacent.
 */
function lastPerTimestamp(timestamps: number[], values: number[]): Pick<SeriesWindow, 'timestampsMs' | 'values'> {
  const timestampsMs: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < timestamps.length; i += 1) {
    const ts = timestamps[i] as number;
    const value = values[i] as number;
    if (timestampsMs.length > 0 && timestampsMs[timestampsMs.length - 1] === ts) kept[kept.length - 1] = value;
    else {
      timestampsMs.push(ts);
      kept.push(value);
    }
  }
  return { timestampsMs, values: kept };
}

export async function listSeries(connection: DuckDBConnection): Promise<SeriesInfo[]> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT signal, service, epoch_ms(first_sample_at)::DOUBLE, epoch_ms(last_sample_at)::DOUBLE, sample_count
       FROM series
       WHERE sample_count > 0
       ORDER BY signal, service`,
    )
  ).getRows();
  return rows.map(([signal, service, first, last, count]) => ({
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    firstSampleMs: toNumber(first ?? null),
    lastSampleMs: toNumber(last ?? null),
    samples: toNumber(count ?? null),
  }));
}
