/**
 * Retention (DESIGN Decision 7): raw samples and error events go after `rawRetention`,
 * rollups, anomalies and resolved incidents after `retention`, in one transaction. Raw samples go only once
 * they are rolled up. The series table keeps its per-series count and first sample true,
 * since listSeries (and the prometheus source's catch-up) read them instead of scanning.
 * Model state, series and the migration record are never deleted.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RetentionCutoffs, RetentionOutcome } from '../store.js';
import { alignDown, noteRawDeletedBefore } from './rollup-store.js';
import { inTransaction, msToTimestamp } from './sql-values.js';

const DELETED_COUNTS = 'retention_deleted_counts';
/** Where the new first sample of a series is looked for first: zonemaps keep this cheap. */
const FIRST_SAMPLE_LOOKAHEAD = "INTERVAL '1 day'";

export async function applyRetention(
  connection: DuckDBConnection,
  cutoffs: RetentionCutoffs,
  rolledUpBeforeMs: number,
): Promise<RetentionOutcome> {
  // Whole buckets only: a bucket is final once its raw samples are gone.
  const samplesBeforeMs = alignDown(Math.min(cutoffs.rawBeforeMs, rolledUpBeforeMs));
  const deleted = async (sql: string, beforeMs: number) =>
    (await connection.run(sql, [msToTimestamp(beforeMs)])).rowsChanged;
  await connection.run(`CREATE TEMP TABLE IF NOT EXISTS ${DELETED_COUNTS} (series_id INTEGER, n BIGINT)`);
  return inTransaction(connection, async () => {
    let samples = 0;
    // Nothing rolled up yet (-Infinity): every raw sample stays.
    if (Number.isFinite(samplesBeforeMs)) {
      samples = await deleteSamples(connection, msToTimestamp(samplesBeforeMs));
      await noteRawDeletedBefore(connection, samplesBeforeMs);
    }
    return {
      samples,
      error_events: await deleted('DELETE FROM error_events WHERE ts < $1', cutoffs.rawBeforeMs),
      sample_rollups: await deleted('DELETE FROM sample_rollups WHERE bucket < $1', cutoffs.rollupsBeforeMs),
      anomalies: await deleted('DELETE FROM anomalies WHERE ts < $1', cutoffs.rollupsBeforeMs),
      incidents: await deleteIncidents(connection, msToTimestamp(cutoffs.rollupsBeforeMs)),
    };
  });
}

/**
 * Incidents resolved before the cut-off go with their causes and members; an open one stays
 * whatever its age. Members whose anomaly retention deleted go too.
 */
async function deleteIncidents(connection: DuckDBConnection, before: ReturnType<typeof msToTimestamp>) {
  const old = "SELECT id FROM incidents WHERE state = 'resolved' AND resolved_at < $1";
  await connection.run(`DELETE FROM incident_causes WHERE incident_id IN (${old})`, [before]);
  await connection.run(`DELETE FROM incident_label_contrast WHERE incident_id IN (${old})`, [before]);
  await connection.run(`DELETE FROM incident_anomalies WHERE incident_id IN (${old})`, [before]);
  await connection.run('DELETE FROM incident_anomalies WHERE anomaly_id NOT IN (SELECT id FROM anomalies)');
  return (await connection.run(`DELETE FROM incidents WHERE id IN (${old})`, [before])).rowsChanged;
}

async function deleteSamples(connection: DuckDBConnection, before: ReturnType<typeof msToTimestamp>) {
  await connection.run(`DELETE FROM ${DELETED_COUNTS}`);
  await connection.run(
    `INSERT INTO ${DELETED_COUNTS} SELECT series_id, count(*) FROM samples WHERE ts < $1 GROUP BY series_id`,
    [before],
  );
  const { rowsChanged } = await connection.run('DELETE FROM samples WHERE ts < $1', [before]);
  if (rowsChanged === 0) return 0;
  await connection.run(
    `UPDATE series SET sample_count = series.sample_count - d.n, first_sample_at = NULL
     FROM ${DELETED_COUNTS} d WHERE series.id = d.series_id`,
  );
  // A series' new first sample is nearly always just after the cut-off; only a series
  // with a longer gap needs the unbounded search.
  await setFirstSamples(connection, `ts >= $1 AND ts < $1 + ${FIRST_SAMPLE_LOOKAHEAD}`, [before]);
  const [[left = 0] = []] = (
    await connection.runAndReadAll(
      'SELECT count(*)::DOUBLE FROM series WHERE first_sample_at IS NULL AND sample_count > 0',
    )
  ).getRows();
  if (Number(left) > 0) await setFirstSamples(connection, 'true', []);
  return rowsChanged;
}

async function setFirstSamples(
  connection: DuckDBConnection,
  where: string,
  params: ReturnType<typeof msToTimestamp>[],
): Promise<void> {
  await connection.run(
    `UPDATE series SET first_sample_at = f.first_at
     FROM (
       SELECT series_id, min(ts) AS first_at FROM samples
       WHERE ${where}
         AND series_id IN (SELECT id FROM series WHERE first_sample_at IS NULL AND sample_count > 0)
       GROUP BY series_id
     ) f
     WHERE series.id = f.series_id`,
    params,
  );
}
