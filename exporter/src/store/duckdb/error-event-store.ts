/**
 * Error events from the push source: appended in one transaction per batch, and counted
 * per service over a time range for the push source's error-rate series, and per error type
 * or severity for RCA's label contrast.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ErrorEvent, ErrorEventCount } from '../store.js';
import { inTransaction, msToTimestamp, toNumber, toText } from './sql-values.js';

export async function writeErrorEventBatch(
  connection: DuckDBConnection,
  events: readonly ErrorEvent[],
): Promise<void> {
  if (events.length === 0) return;
  for (const event of events) {
    if (!Number.isFinite(event.timestampMs)) {
      // Checked before the transaction starts; a RangeError stays the caller's error.
      throw new RangeError(`error event of ${event.service} has no valid timestamp; batch not written`);
    }
  }
  await inTransaction(connection, async () => {
    const appender = await connection.createAppender('error_events');
    try {
      for (const event of events) {
        appender.appendTimestamp(msToTimestamp(event.timestampMs));
        appender.appendVarchar(event.service);
        appender.appendVarchar(event.type);
        appender.appendVarchar(event.severity);
        appender.endRow();
      }
    } catch (error) {
      appender.clear();
      appender.closeSync();
      throw error;
    }
    // Closing flushes the rows into the open transaction; COMMIT makes them durable.
    appender.closeSync();
  });
}

export async function countErrorEvents(
  connection: DuckDBConnection,
  query: { activeSinceMs: number; fromMs: number; toMs: number },
): Promise<ErrorEventCount[]> {
  const reader = await connection.runAndReadAll(
    `SELECT service, count(*) FILTER (WHERE ts > $2 AND ts <= $3)
     FROM error_events
     WHERE ts >= $1 AND ts <= $3
     GROUP BY service
     ORDER BY service`,
    [msToTimestamp(query.activeSinceMs), msToTimestamp(query.fromMs), msToTimestamp(query.toMs)],
  );
  return reader.getRows().map(([service, count]) => ({
    service: toText(service ?? null),
    count: toNumber(count ?? null),
  }));
}

/** `field` picks one of two fixed column names, never text from outside. */
export async function countErrorEventsBy(
  connection: DuckDBConnection,
  query: { service: string; field: 'type' | 'severity'; fromMs: number; toMs: number },
): Promise<{ value: string; count: number }[]> {
  const column = query.field === 'type' ? 'type' : 'severity';
  const reader = await connection.runAndReadAll(
    `SELECT ${column}, count(*) FROM error_events
     WHERE service = $1 AND ts > $2 AND ts <= $3
     GROUP BY ${column}
     ORDER BY ${column}`,
    [query.service, msToTimestamp(query.fromMs), msToTimestamp(query.toMs)],
  );
  return reader.getRows().map(([value, count]) => ({
    value: toText(value ?? null),
    count: toNumber(count ?? null),
  }));
}
