/**
 * Action executions. A claim looks for the same (action, idempotency key) inside the
 * window and inserts only when there is none; the store runs writes one at a time, so two
 * concurrent claims with one key cannot both insert. State changes are compare-and-set on
 * the current state, so an execution is approved, or finished, once.
 */
import { TIMESTAMP, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { ActionExecution, ExecutionChange, ExecutionState } from '../store.js';
import { LIST_OF, inTransaction, list, msToTimestamp, toNumber, toText } from './sql-values.js';

const COLUMNS = `id, action_id, idempotency_key, target_kind, target_id, params, requested_by,
  epoch_ms(requested_at), state, approved_by, epoch_ms(finished_at), result, error`;

export async function claimExecution(
  connection: DuckDBConnection,
  execution: ActionExecution,
  sinceMs: number,
): Promise<{ execution: ActionExecution; created: boolean }> {
  return inTransaction(connection, async () => {
    const existing = (
      await connection.runAndReadAll(
        `SELECT ${COLUMNS} FROM action_executions
         WHERE action_id = $1 AND idempotency_key = $2 AND requested_at >= $3
         ORDER BY requested_at DESC LIMIT 1`,
        [execution.actionId, execution.idempotencyKey, msToTimestamp(sinceMs)],
      )
    ).getRows()[0];
    if (existing) return { execution: toExecution(existing), created: false };
    await connection.run(
      `INSERT INTO action_executions (id, action_id, idempotency_key, target_kind, target_id, params,
         requested_by, requested_at, state, approved_by, finished_at, result, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        execution.id,
        execution.actionId,
        execution.idempotencyKey,
        execution.target.kind,
        execution.target.id,
        JSON.stringify(execution.params),
        execution.requestedBy,
        msToTimestamp(execution.requestedAtMs),
        execution.state,
        execution.approvedBy,
        execution.finishedAtMs === null ? null : msToTimestamp(execution.finishedAtMs),
        execution.result === undefined || execution.result === null ? null : JSON.stringify(execution.result),
        execution.error,
      ],
    );
    return { execution, created: true };
  });
}

export async function transitionExecution(
  connection: DuckDBConnection,
  id: string,
  from: ExecutionState,
  change: ExecutionChange,
): Promise<boolean> {
  const sets = ['state = $state'];
  const params: Record<string, DuckDBValue> = { id, from, state: change.state };
  if (change.approvedBy !== undefined) {
    sets.push('approved_by = $approved_by');
    params.approved_by = change.approvedBy;
  }
  if (change.finishedAtMs !== undefined) {
    sets.push('finished_at = $finished_at');
    params.finished_at = change.finishedAtMs === null ? null : msToTimestamp(change.finishedAtMs);
  }
  if (change.result !== undefined) {
    sets.push('result = $result');
    params.result = change.result === null ? null : JSON.stringify(change.result);
  }
  if (change.error !== undefined) {
    sets.push('error = $error');
    params.error = change.error;
  }
  const { rowsChanged } = await connection.run(
    `UPDATE action_executions SET ${sets.join(', ')} WHERE id = $id AND state = $from`,
    params,
  );
  return rowsChanged === 1;
}

export async function getExecution(
  connection: DuckDBConnection,
  id: string,
): Promise<ActionExecution | undefined> {
  const row = (
    await connection.runAndReadAll(`SELECT ${COLUMNS} FROM action_executions WHERE id = $1`, [id])
  ).getRows()[0];
  return row ? toExecution(row) : undefined;
}

const orNull = <T>(value: DuckDBValue | undefined, read: (value: DuckDBValue) => T): T | null =>
  value === null || value === undefined ? null : read(value);

function toExecution(row: DuckDBValue[]): ActionExecution {
  const [
    id,
    actionId,
    key,
    targetKind,
    targetId,
    params,
    requestedBy,
    requestedAt,
    state,
    approvedBy,
    finishedAt,
    result,
    error,
  ] = row;
  return {
    id: toText(id ?? null),
    actionId: toText(actionId ?? null),
    idempotencyKey: toText(key ?? null),
    target: { kind: toText(targetKind ?? null) as 'anomaly' | 'incident', id: toText(targetId ?? null) },
    params: JSON.parse(toText(params ?? null)) as Record<string, unknown>,
    requestedBy: toText(requestedBy ?? null),
    requestedAtMs: toNumber(requestedAt ?? null),
    state: toText(state ?? null) as ExecutionState,
    approvedBy: orNull(approvedBy, toText),
    finishedAtMs: orNull(finishedAt, toNumber),
    result: orNull(result, (text) => JSON.parse(toText(text)) as unknown),
    error: orNull(error, toText),
  };
}

/** Refusals are never executions; the audit trail holds them (see ActionRunner). */
const REFUSED = ['forbidden', 'not_applicable', 'invalid_body'];

export async function countExecutionsSince(
  connection: DuckDBConnection,
  sinceMs: number,
): Promise<Record<string, number>> {
  const since = msToTimestamp(sinceMs);
  const rows = (
    await connection.runAndReadAll(
      `SELECT state, count(*)::DOUBLE FROM action_executions WHERE requested_at >= $1 GROUP BY state
       UNION ALL
       SELECT 'refused', count(*)::DOUBLE FROM audit_log
       WHERE action = 'action.execute' AND ts >= $1 AND list_contains($2, result)`,
      [since, list(REFUSED)],
      [TIMESTAMP, LIST_OF.varchar],
    )
  ).getRows();
  return Object.fromEntries(rows.map(([state, count]) => [toText(state ?? null), toNumber(count ?? null)]));
}
