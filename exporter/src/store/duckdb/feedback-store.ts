/**
 * Acknowledgements and operator feedback on anomalies. Feedback rows copy the anomaly's
 * series and model, so precision and the false-positive rule outlive the anomaly itself.
 */
import { BIGINT, LIST, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { AnomalyAck, FeedbackRecord, FeedbackStore, StoredAnomaly, Verdict } from '../store.js';
import { ANOMALY_COLUMNS, toStoredAnomaly } from './anomaly-store.js';
import { inTransaction, list, msToTimestamp, toBigInt, toNumber, toText } from './sql-values.js';

/** Anomaly ids are the store's BIGINTs; anything else names no anomaly. */
const ANOMALY_ID = /^\d{1,18}$/;
const BIGINT_LIST = LIST(BIGINT);

export async function getAnomaly(
  connection: DuckDBConnection,
  id: string,
): Promise<StoredAnomaly | undefined> {
  if (!ANOMALY_ID.test(id)) return undefined;
  const rows = (
    await connection.runAndReadAll(
      `SELECT ${ANOMALY_COLUMNS} FROM anomalies a JOIN series se ON se.id = a.series_id WHERE a.id = $1`,
      [BigInt(id)],
      [BIGINT],
    )
  ).getRows();
  return rows[0] ? toStoredAnomaly(rows[0]) : undefined;
}

export async function acknowledgeAnomalies(
  connection: DuckDBConnection,
  ids: readonly string[],
  actor: string,
  atMs: number,
): Promise<AnomalyAck[]> {
  const valid = ids.filter((id) => ANOMALY_ID.test(id));
  if (valid.length === 0) return [];
  const idList = list(valid.map((id) => BigInt(id)));
  return inTransaction(connection, async () => {
    await connection.run(
      `INSERT INTO anomaly_acks (anomaly_id, actor, ts) SELECT unnest($ids), $actor, $at
       ON CONFLICT (anomaly_id) DO NOTHING`,
      { ids: idList, actor, at: msToTimestamp(atMs) },
      { ids: BIGINT_LIST },
    );
    return readAcks(connection, valid);
  });
}

export async function readAcks(connection: DuckDBConnection, ids: readonly string[]): Promise<AnomalyAck[]> {
  const valid = ids.filter((id) => ANOMALY_ID.test(id));
  if (valid.length === 0) return [];
  const rows = (
    await connection.runAndReadAll(
      'SELECT anomaly_id, actor, epoch_ms(ts) FROM anomaly_acks WHERE list_contains($1, anomaly_id)',
      [list(valid.map((id) => BigInt(id)))],
      [BIGINT_LIST],
    )
  ).getRows();
  return rows.map(([id, who, at]) => ({
    anomalyId: toBigInt(id ?? null).toString(),
    actor: toText(who ?? null),
    atMs: toNumber(at ?? null),
  }));
}

export async function writeFeedback(connection: DuckDBConnection, record: FeedbackRecord): Promise<void> {
  await connection.run(
    `INSERT INTO anomaly_feedback (anomaly_id, signal, service, model, verdict, note, actor, ts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      BigInt(record.anomalyId),
      record.signal,
      record.service,
      record.model,
      record.verdict,
      record.note,
      record.actor,
      msToTimestamp(record.atMs),
    ],
  );
}

export async function readFeedbackSince(
  connection: DuckDBConnection,
  fromMs: number,
): Promise<FeedbackRecord[]> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT anomaly_id, signal, service, model, verdict, note, actor, epoch_ms(ts)
       FROM anomaly_feedback WHERE ts >= $1 ORDER BY ts, id`,
      [msToTimestamp(fromMs)],
    )
  ).getRows();
  return rows.map(toFeedback);
}

export async function countFeedbackByModel(
  connection: DuckDBConnection,
): ReturnType<FeedbackStore['countFeedbackByModel']> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT model,
              count(*) FILTER (WHERE verdict = 'true_positive')::DOUBLE,
              count(*) FILTER (WHERE verdict = 'false_positive')::DOUBLE
       FROM anomaly_feedback GROUP BY model ORDER BY model`,
    )
  ).getRows();
  return rows.map(([model, tp, fp]) => ({
    model: toText(model ?? null),
    truePositives: toNumber(tp ?? null),
    falsePositives: toNumber(fp ?? null),
  }));
}

function toFeedback(row: DuckDBValue[]): FeedbackRecord {
  const [anomalyId, signal, service, model, verdict, note, actor, at] = row;
  return {
    anomalyId: toBigInt(anomalyId ?? null).toString(),
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    model: toText(model ?? null),
    verdict: toText(verdict ?? null) as Verdict,
    note: toText(note ?? null),
    actor: toText(actor ?? null),
    atMs: toNumber(at ?? null),
  };
}
