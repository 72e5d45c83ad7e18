/**
 * Incidents: written by the pipeline once per cycle (new ones inserted, open ones
 * updated, their new anomalies added as members), queried newest first with keyset
 * pagination like anomalies. Member anomalies are found by (series, model, ts), so the
 * pipeline never needs the ids the anomaly write assigned.
 */
import { BIGINT, LIST, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type {
  AnomalyRef,
  IncidentPage,
  IncidentQuery,
  IncidentSeries,
  IncidentWrite,
  Severity,
  StoredAnomaly,
  StoredIncident,
} from '../store.js';
import { SEVERITIES } from '../store.js';
import { afterCursor, checkLimit, keysetPage } from './anomaly-cursor.js';
import { ANOMALY_COLUMNS, toStoredAnomaly } from './anomaly-store.js';
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

const CURSOR_PREFIX = 'i1.';

/** Ids are BIGINTs handed out as decimal strings; anything else names no incident. */
export function incidentIdValue(id: string): bigint | null {
  return /^\d{1,18}$/.test(id) ? BigInt(id) : null;
}

export async function writeIncidentBatch(
  connection: DuckDBConnection,
  incidents: readonly IncidentWrite[],
): Promise<string[]> {
  if (incidents.length === 0) return [];
  return inTransaction(connection, async () => {
    const ids: string[] = [];
    for (const incident of incidents) {
      const id = await upsertIncident(connection, incident);
      await addMembers(connection, id, incident.anomalies);
      ids.push(id.toString());
    }
    return ids;
  });
}

async function upsertIncident(connection: DuckDBConnection, incident: IncidentWrite): Promise<bigint> {
  const values = {
    state: incident.state,
    last: msToTimestamp(incident.lastAnomalyMs),
    resolved: incident.resolvedAtMs === null ? null : msToTimestamp(incident.resolvedAtMs),
    severity: incident.severity,
    signal: incident.symptom.signal,
    service: incident.symptom.service,
  };
  if (incident.id === undefined) {
    const rows = (
      await connection.runAndReadAll(
        `INSERT INTO incidents (state, opened_at, last_anomaly_at, resolved_at, severity, symptom_signal, symptom_service)
         VALUES ($state, $opened, $last, $resolved, $severity, $signal, $service) RETURNING id`,
        { ...values, opened: msToTimestamp(incident.openedAtMs) },
      )
    ).getRows();
    return toBigInt(rows[0]?.[0] ?? null);
  }
  const id = incidentIdValue(incident.id);
  if (id === null) throw new RangeError(`not an incident id: ${incident.id}`);
  const { rowsChanged } = await connection.run(
    `UPDATE incidents SET state = $state, last_anomaly_at = $last, resolved_at = $resolved,
       severity = $severity, symptom_signal = $signal, symptom_service = $service
     WHERE id = $id`,
    { ...values, id },
    { id: BIGINT },
  );
  if (rowsChanged === 0) throw new Error(`no incident ${incident.id} to update`);
  return id;
}

/** An anomaly already in an incident stays there: it belongs to one incident at most. */
async function addMembers(connection: DuckDBConnection, id: bigint, refs: readonly AnomalyRef[]) {
  if (refs.length === 0) return;
  await connection.run(
    `INSERT INTO incident_anomalies (incident_id, anomaly_id)
     SELECT DISTINCT $1, a.id
     FROM (SELECT unnest($2) AS signal, unnest($3) AS service, unnest($4) AS model, unnest($5) AS ts) r
     JOIN series se ON se.signal = r.signal AND se.service = r.service
     JOIN anomalies a ON a.series_id = se.id AND a.model = r.model AND a.ts = r.ts
     WHERE NOT EXISTS (SELECT 1 FROM incident_anomalies m WHERE m.anomaly_id = a.id)`,
    [
      id,
      list(refs.map((r) => r.signal)),
      list(refs.map((r) => r.service)),
      list(refs.map((r) => r.model)),
      timestampList(refs.map((r) => r.timestampMs)),
    ],
    [BIGINT, LIST_OF.varchar, LIST_OF.varchar, LIST_OF.varchar, LIST_OF.timestamp],
  );
}

export async function queryIncidents(
  connection: DuckDBConnection,
  query: IncidentQuery,
): Promise<IncidentPage> {
  checkLimit('incident', query.limit);
  const where: string[] = [];
  const params: Record<string, DuckDBValue> = { limit: query.limit + 1 };
  const types: Record<string, DuckDBType> = {};
  if (query.state !== undefined) {
    where.push('i.state = $state');
    params.state = query.state;
  }
  if (query.service !== undefined) {
    where.push(`(i.symptom_service = $service OR EXISTS (
      SELECT 1 FROM incident_anomalies m JOIN anomalies a ON a.id = m.anomaly_id
      JOIN series se ON se.id = a.series_id WHERE m.incident_id = i.id AND se.service = $service))`);
    params.service = query.service;
  }
  if (query.cursor !== undefined) {
    const after = afterCursor(query.cursor, { ts: 'i.opened_at', id: 'i.id' }, CURSOR_PREFIX);
    where.push(after.sql);
    Object.assign(params, after.params);
    Object.assign(types, after.types);
  }
  const rows = await incidentRows(
    connection,
    `${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.opened_at DESC, i.id DESC LIMIT $limit`,
    params,
    types,
  );
  const { page, nextCursor } = keysetPage(
    rows,
    query.limit,
    (last) => ({ id: BigInt(last.incident.id), tsMicros: last.openedMicros }),
    CURSOR_PREFIX,
  );
  return { items: await withSeries(connection, page), nextCursor };
}

export async function getIncident(connection: DuckDBConnection, id: string): Promise<StoredIncident | null> {
  const value = incidentIdValue(id);
  if (value === null) return null;
  const rows = await incidentRows(connection, 'WHERE i.id = $id', { id: value }, { id: BIGINT });
  const [incident] = await withSeries(connection, rows);
  return incident ?? null;
}

export async function incidentAnomalies(connection: DuckDBConnection, id: string): Promise<StoredAnomaly[]> {
  const value = incidentIdValue(id);
  if (value === null) return [];
  const rows = (
    await connection.runAndReadAll(
      `SELECT ${ANOMALY_COLUMNS}
       FROM incident_anomalies m JOIN anomalies a ON a.id = m.anomaly_id JOIN series se ON se.id = a.series_id
       WHERE m.incident_id = $1 ORDER BY a.ts, a.id`,
      [value],
      [BIGINT],
    )
  ).getRows();
  return rows.map(toStoredAnomaly);
}

interface IncidentRow {
  incident: Omit<StoredIncident, 'series' | 'anomalyCount'>;
  openedMicros: bigint;
}

async function incidentRows(
  connection: DuckDBConnection,
  tail: string,
  params: Record<string, DuckDBValue>,
  types: Record<string, DuckDBType>,
): Promise<IncidentRow[]> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT i.id, i.state, epoch_us(i.opened_at), epoch_ms(i.last_anomaly_at), epoch_ms(i.resolved_at),
              i.severity, i.symptom_signal, i.symptom_service
       FROM incidents i ${tail}`,
      params,
      types,
    )
  ).getRows();
  return rows.map(([id, state, opened, last, resolved, severity, signal, service]) => {
    const openedMicros = toBigInt(opened ?? null);
    return {
      openedMicros,
      incident: {
        id: toBigInt(id ?? null).toString(),
        state: toText(state ?? null) as StoredIncident['state'],
        openedAtMs: Number(openedMicros / 1000n),
        lastAnomalyMs: toNumber(last ?? null),
        resolvedAtMs: resolved === null || resolved === undefined ? null : toNumber(resolved),
        severity: toText(severity ?? null) as Severity,
        symptom: { signal: toText(signal ?? null), service: toText(service ?? null) },
      },
    };
  });
}

/** Adds each incident's member series, summed over its anomalies, worst first. */
async function withSeries(connection: DuckDBConnection, rows: IncidentRow[]): Promise<StoredIncident[]> {
  if (rows.length === 0) return [];
  const members = (
    await connection.runAndReadAll(
      `SELECT m.incident_id, se.signal, se.service, count(*), epoch_ms(min(a.ts)), epoch_ms(max(a.ts)),
              max(a.score), max(list_position($2, a.severity))
       FROM incident_anomalies m JOIN anomalies a ON a.id = m.anomaly_id JOIN series se ON se.id = a.series_id
       WHERE list_contains($1, m.incident_id)
       GROUP BY m.incident_id, se.signal, se.service`,
      [list(rows.map((r) => BigInt(r.incident.id))), list([...SEVERITIES])],
      [LIST(BIGINT), LIST_OF.varchar],
    )
  ).getRows();
  const byIncident = new Map<string, IncidentSeries[]>();
  for (const [incident, signal, service, count, first, last, maxScore, level] of members) {
    const key = toBigInt(incident ?? null).toString();
    const series = byIncident.get(key) ?? [];
    series.push({
      signal: toText(signal ?? null),
      service: toText(service ?? null),
      anomalies: toNumber(count ?? null),
      firstAnomalyMs: toNumber(first ?? null),
      lastAnomalyMs: toNumber(last ?? null),
      maxScore: toNumber(maxScore ?? null),
      severity: SEVERITIES[toNumber(level ?? null) - 1] ?? 'low',
    });
    byIncident.set(key, series);
  }
  return rows.map(({ incident }) => {
    const series = (byIncident.get(incident.id) ?? []).sort(worstFirst);
    return { ...incident, series, anomalyCount: series.reduce((sum, s) => sum + s.anomalies, 0) };
  });
}

function worstFirst(a: IncidentSeries, b: IncidentSeries): number {
  return (
    SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
    b.maxScore - a.maxScore ||
    a.firstAnomalyMs - b.firstAnomalyMs ||
    a.signal.localeCompare(b.signal) ||
    a.service.localeCompare(b.service)
  );
}
