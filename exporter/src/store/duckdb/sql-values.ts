/**
 * The few conversions between Omen's values (Unix ms, plain arrays) and DuckDB's bound
 * parameters, and the transaction wrapper every multi-statement write goes through.
 */
import {
  DOUBLE,
  INTEGER,
  LIST,
  TIMESTAMP,
  VARCHAR,
  listValue,
  timestampValue,
  type DuckDBConnection,
  type DuckDBTimestampValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/** TIMESTAMP is microseconds; Omen's times are whole milliseconds. */
export function msToTimestamp(ms: number): DuckDBTimestampValue {
  return timestampValue(BigInt(Math.round(ms)) * 1000n);
}

/** Bound list parameters: a whole batch travels as a few lists and is `unnest`ed in SQL. */
export const LIST_OF = {
  integer: LIST(INTEGER),
  double: LIST(DOUBLE),
  varchar: LIST(VARCHAR),
  timestamp: LIST(TIMESTAMP),
} satisfies Record<string, DuckDBType>;

export function list(items: readonly DuckDBValue[]): DuckDBValue {
  return listValue(items);
}

export function timestampList(msValues: readonly number[]): DuckDBValue {
  return listValue(msValues.map(msToTimestamp));
}

/** DuckDB hands BIGINT back as bigint and DOUBLE as number; accept either. */
export function toNumber(value: DuckDBValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected a number from DuckDB, got ${String(value)}`);
}

/** Exact, for ids and microsecond times that a cursor must reproduce bit for bit. */
export function toBigInt(value: DuckDBValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  throw new TypeError(`expected an integer from DuckDB, got ${String(value)}`);
}

export function toText(value: DuckDBValue): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`expected a string from DuckDB, got ${String(value)}`);
}

/**
 * Runs `work` inside BEGIN … COMMIT on `connection`, rolling back on any failure so a
 * failed batch leaves nothing behind. Rows appended through an Appender on the same
 * connection take part in the transaction too.
 */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    // DuckDB already rolled back if COMMIT itself failed; either way the rollback's own
    // failure ("no transaction is active") would hide the error that matters.
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
