/**
 * Anomalies: upserted by (series, model, ts) so re-scoring a point keeps its id, and
 * queried newest first with filters and keyset pagination.
 */
import { type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import {
  SEVERITIES,
  type AnomalyPage,
  type AnomalyQuery,
  type AnomalyRecord,
  type StoredAnomaly,
} from '../store.js';
import { afterCursor, checkLimit, keysetPage } from './anomaly-cursor.js';
import type { SeriesIds } from './series-ids.js';
import {
  LIST_OF,
  inTransaction,
  list,
  msToTimestamp,
  timestampList,
  toBigInt,
  toNumber,
  toText,
} from './sql-values.js';

export async function writeAnomalyBatch(
  connection: DuckDBConnection,
  seriesIds: SeriesIds,
  records: readonly AnomalyRecord[],
): Promise<void> {
  if (records.length === 0) return;
  // One statement cannot update the same row twice: the last record for a key wins.
  const unique = [
    ...new Map(
      records.map((r) => [JSON.stringify([r.signal, r.service, r.model, r.timestampMs]), r]),
    ).values(),
  ];
  const resolved = await inTransaction(connection, async () => {
    const ids = await seriesIds.resolve(connection, unique);
    await connection.run(
      `INSERT INTO anomalies (series_id, ts, model, score, severity, value, expected, lower, upper, explanation, kind)
       SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5),
              unnest($6), unnest($7), unnest($8), unnest($9), unnest($10), unnest($11)
       ON CONFLICT (series_id, model, ts) DO UPDATE SET
         score = excluded.score, severity = excluded.severity, value = excluded.value,
         expected = excluded.expected, lower = excluded.lower, upper = excluded.upper,
         explanation = excluded.explanation, kind = excluded.kind`,
      [
        list(ids.ids),
        timestampList(unique.map((r) => r.timestampMs)),
        list(unique.map((r) => r.model)),
        list(unique.map((r) => r.score)),
        list(unique.map((r) => r.severity)),
        list(unique.map((r) => r.value)),
        list(unique.map((r) => r.expected)),
        list(unique.map((r) => r.lower)),
        list(unique.map((r) => r.upper)),
        list(unique.map((r) => r.explanation)),
        list(unique.map((r) => r.kind)),
      ],
      [
        LIST_OF.integer,
        LIST_OF.timestamp,
        LIST_OF.varchar,
        LIST_OF.double,
        LIST_OF.varchar,
        LIST_OF.double,
        LIST_OF.double,
        LIST_OF.double,
        LIST_OF.double,
        LIST_OF.varchar,
        LIST_OF.varchar,
      ],
    );
    return ids;
  });
  resolved.commit();
}

export async function queryAnomalies(
  connection: DuckDBConnection,
  query: AnomalyQuery,
): Promise<AnomalyPage> {
  checkLimit('anomaly', query.limit);
  const where: string[] = [];
  const params: Record<string, DuckDBValue> = { limit: query.limit + 1 };
  const types: Record<string, DuckDBType> = {};
  if (query.service !== undefined) {
    where.push('se.service = $service');
    params.service = query.service;
  }
  if (query.signal !== undefined) {
    where.push('se.signal = $signal');
    params.signal = query.signal;
  }
  // Half-open [fromMs, toMs), like every time range in the store.
  if (query.fromMs !== undefined) {
    where.push('a.ts >= $from');
    params.from = msToTimestamp(query.fromMs);
  }
  if (query.toMs !== undefined) {
    where.push('a.ts < $to');
    params.to = msToTimestamp(query.toMs);
  }
  if (query.minSeverity !== undefined) {
    where.push('list_contains($severities, a.severity)');
    params.severities = list(SEVERITIES.slice(SEVERITIES.indexOf(query.minSeverity)));
    types.severities = LIST_OF.varchar;
  }
  if (query.cursor !== undefined) {
    const after = afterCursor(query.cursor, { ts: 'a.ts', id: 'a.id' });
    where.push(after.sql);
    Object.assign(params, after.params);
    Object.assign(types, after.types);
  }
  const rows = (
    await connection.runAndReadAll(
      `SELECT ${ANOMALY_COLUMNS}
       FROM anomalies a JOIN series se ON se.id = a.series_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.ts DESC, a.id DESC
       LIMIT $limit`,
      params,
      types,
    )
  ).getRows();
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({
    id: toBigInt(last[0] ?? null),
    tsMicros: toBigInt(last[1] ?? null),
  }));
  return { items: page.map(toStoredAnomaly), nextCursor };
}

/** What toStoredAnomaly reads, from `anomalies a JOIN series se`. */
export const ANOMALY_COLUMNS = `a.id, epoch_us(a.ts) AS ts_us, se.signal, se.service, a.score, a.severity,
  a.value, a.expected, a.lower, a.upper, a.model, a.explanation, a.kind`;

export function toStoredAnomaly(row: DuckDBValue[]): StoredAnomaly {
  const [
    id,
    tsMicros,
    signal,
    service,
    score,
    severity,
    value,
    expected,
    lower,
    upper,
    model,
    explanation,
    kind,
  ] = row;
  return {
    id: toBigInt(id ?? null).toString(),
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    timestampMs: Number(toBigInt(tsMicros ?? null) / 1000n),
    score: toNumber(score ?? null),
    severity: toText(severity ?? null) as StoredAnomaly['severity'],
    value: toNumber(value ?? null),
    expected: toNumber(expected ?? null),
    lower: toNumber(lower ?? null),
    upper: toNumber(upper ?? null),
    model: toText(model ?? null),
    explanation: toText(explanation ?? null),
    kind: toText(kind ?? null) as StoredAnomaly['kind'],
  };
}
