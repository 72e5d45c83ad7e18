/**
 * The opaque keyset cursor of queryAnomalies: the (ts, id) of the last row of a page.
 * Pages are ordered by (ts DESC, id DESC), so the next page is every row strictly before
 * that pair — stable while new anomalies arrive, unlike an offset.
 */

import { InvalidCursorError } from '../store.js';

export interface CursorPosition {
  /** TIMESTAMP microseconds, exact, so no row at the page boundary is skipped or repeated. */
  tsMicros: bigint;
  id: bigint;
}

const PREFIX = 'a1.';

export function encodeCursor(position: CursorPosition): string {
  return PREFIX + Buffer.from(`${position.tsMicros}.${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  if (!cursor.startsWith(PREFIX)) throw new InvalidCursorError();
  const text = Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8');
  const match = /^(-?\d{1,20})\.(\d{1,20})$/.exec(text);
  if (!match) throw new InvalidCursorError();
  return { tsMicros: BigInt(match[1] as string), id: BigInt(match[2] as string) };
}
