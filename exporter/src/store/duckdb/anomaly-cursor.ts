/**
 * The opaque keyset cursor of queryAnomalies: the (ts, id) of the last row of a page.
 * Pages are ordered by (ts DESC, id DESC), so the next page is every row strictly before
 * that pair — stable while new anomalies arrive, unlike an offset.
 */

import { BIGINT, timestampValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { InvalidCursorError } from '../store.js';

export interface CursorPosition {
  /** TIMESTAMP microseconds, exact, so no row at the page boundary is skipped or repeated. */
  tsMicros: bigint;
  id: bigint;
}

const PREFIX = 'a1.';

/** `prefix` tells cursors of different lists apart, so one is never accepted by another. */
export function encodeCursor(position: CursorPosition, prefix = PREFIX): string {
  return prefix + Buffer.from(`${position.tsMicros}.${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, prefix = PREFIX): CursorPosition {
  if (!cursor.startsWith(prefix)) throw new InvalidCursorError();
  const text = Buffer.from(cursor.slice(prefix.length), 'base64url').toString('utf8');
  const match = /^(-?\d{1,20})\.(\d{1,20})$/.exec(text);
  if (!match) throw new InvalidCursorError();
  return { tsMicros: BigInt(match[1] as string), id: BigInt(match[2] as string) };
}

export function checkLimit(list: string, limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`${list} query limit must be a positive integer, got ${limit}`);
  }
}

/** The condition "strictly after the cursor" on (ts DESC, id DESC), with its bound values. */
export function afterCursor(cursor: string, columns: { ts: string; id: string }, prefix = PREFIX) {
  const position = decodeCursor(cursor, prefix);
  return {
    sql: `(${columns.ts} < $cursor_ts OR (${columns.ts} = $cursor_ts AND ${columns.id} < $cursor_id))`,
    params: { cursor_ts: timestampValue(position.tsMicros), cursor_id: position.id } as Record<
      string,
      DuckDBValue
    >,
    types: { cursor_id: BIGINT } as Record<string, DuckDBType>,
  };
}

/**
 * A page from `limit + 1` rows: one row past the page tells whether another page exists,
 * without a COUNT.
 */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  position: (row: T) => CursorPosition,
  prefix = PREFIX,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(position(last), prefix) : null };
}
