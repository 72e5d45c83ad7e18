/**
 * The audit trail (DESIGN Decision 10): rows are appended and read, never updated or
 * deleted (retention names its tables and audit_log is not one). Paged newest first by
 * (ts, id) with the same opaque keyset cursor as anomalies.
 */
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { AuditEntry, AuditQuery, AuditStore, StoredAuditEntry } from '../store.js';
import { afterCursor, checkLimit, keysetPage } from './anomaly-cursor.js';
import { msToTimestamp, toBigInt, toNumber, toText } from './sql-values.js';

const CURSOR_PREFIX = 'u1.';

export async function appendAudit(connection: DuckDBConnection, entry: AuditEntry): Promise<string> {
  const rows = (
    await connection.runAndReadAll(
      `INSERT INTO audit_log (ts, actor, action, target, parameters, result, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        msToTimestamp(entry.atMs),
        entry.actor,
        entry.action,
        entry.target,
        JSON.stringify(entry.parameters),
        entry.result,
        entry.durationMs,
      ],
    )
  ).getRows();
  return toBigInt(rows[0]?.[0] ?? null).toString();
}

export async function queryAudit(
  connection: DuckDBConnection,
  query: AuditQuery,
): ReturnType<AuditStore['queryAudit']> {
  checkLimit('audit', query.limit);
  const where: string[] = [];
  let params: Record<string, DuckDBValue> = { limit: query.limit + 1 };
  let types: Record<string, DuckDBType> = {};
  if (query.actor !== undefined) {
    where.push('actor = $actor');
    params.actor = query.actor;
  }
  if (query.action !== undefined) {
    where.push('action = $action');
    params.action = query.action;
  }
  if (query.fromMs !== undefined) {
    where.push('ts >= $from');
    params.from = msToTimestamp(query.fromMs);
  }
  if (query.toMs !== undefined) {
    where.push('ts < $to');
    params.to = msToTimestamp(query.toMs);
  }
  if (query.cursor !== undefined) {
    const after = afterCursor(query.cursor, { ts: 'ts', id: 'id' }, CURSOR_PREFIX);
    where.push(after.sql);
    params = { ...params, ...after.params };
    types = { ...types, ...after.types };
  }
  const rows = (
    await connection.runAndReadAll(
      `SELECT id, epoch_us(ts), actor, action, target, parameters, result, duration_ms
       FROM audit_log
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ts DESC, id DESC
       LIMIT $limit`,
      params,
      types,
    )
  ).getRows();
  const { page, nextCursor } = keysetPage(
    rows,
    query.limit,
    (row) => ({ id: toBigInt(row[0] ?? null), tsMicros: toBigInt(row[1] ?? null) }),
    CURSOR_PREFIX,
  );
  return { items: page.map(toEntry), nextCursor };
}

function toEntry(row: DuckDBValue[]): StoredAuditEntry {
  const [id, atMicros, actor, action, target, parameters, result, durationMs] = row;
  return {
    id: toBigInt(id ?? null).toString(),
    atMs: Number(toBigInt(atMicros ?? null) / 1000n),
    actor: toText(actor ?? null),
    action: toText(action ?? null),
    target: target === null || target === undefined ? null : toText(target),
    parameters: JSON.parse(toText(parameters ?? null)) as Record<string, unknown>,
    result: toText(result ?? null),
    durationMs: toNumber(durationMs ?? null),
  };
}
