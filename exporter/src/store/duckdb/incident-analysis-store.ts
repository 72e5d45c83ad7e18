/**
 * The ranked causes of each incident's latest root-cause analysis, and the label values
 * over-represented in its symptom: a run replaces the previous one as a whole, so a reader
 * never sees two runs mixed.
 */
import { BIGINT, LIST, TIMESTAMP, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { OverRepresentedValue } from '../../models/rca/label-contrast.js';
import type { IncidentAnalysis } from '../store.js';
import { incidentIdValue } from './incident-store.js';
import { LIST_OF, inTransaction, list, msToTimestamp, toBigInt, toNumber, toText } from './sql-values.js';

export async function writeIncidentAnalysis(
  connection: DuckDBConnection,
  analysis: IncidentAnalysis,
): Promise<void> {
  const id = incidentIdValue(analysis.incidentId);
  if (id === null) throw new RangeError(`not an incident id: ${analysis.incidentId}`);
  await inTransaction(connection, async () => {
    await connection.run('DELETE FROM incident_causes WHERE incident_id = $1', [id], [BIGINT]);
    await writeLabelContrast(connection, id, analysis.labelContrast ?? []);
    if (analysis.causes.length === 0) return;
    const { causes } = analysis;
    await connection.run(
      `INSERT INTO incident_causes (incident_id, rank, analysed_at, model, cause_signal, cause_service, score, evidence)
       SELECT $1, unnest($2), $3, $4, unnest($5), unnest($6), unnest($7), unnest($8)`,
      [
        id,
        list(causes.map((c) => c.rank)),
        msToTimestamp(analysis.analysedAtMs),
        analysis.model,
        list(causes.map((c) => c.signal)),
        list(causes.map((c) => c.service)),
        list(causes.map((c) => c.score)),
        list(causes.map((c) => JSON.stringify(c.evidence))),
      ],
      [
        BIGINT,
        LIST_OF.integer,
        TIMESTAMP,
        VARCHAR,
        LIST_OF.varchar,
        LIST_OF.varchar,
        LIST_OF.double,
        LIST_OF.varchar,
      ],
    );
  });
}

async function writeLabelContrast(
  connection: DuckDBConnection,
  id: bigint,
  found: readonly OverRepresentedValue[],
): Promise<void> {
  await connection.run('DELETE FROM incident_label_contrast WHERE incident_id = $1', [id], [BIGINT]);
  if (found.length === 0) return;
  const column = (pick: (entry: OverRepresentedValue) => number) => list(found.map(pick));
  await connection.run(
    `INSERT INTO incident_label_contrast (incident_id, rank, label, value, incident_share, baseline_share,
       incident_count, baseline_count, score, z)
     SELECT $1, unnest($2), unnest($3), unnest($4), unnest($5), unnest($6), unnest($7), unnest($8), unnest($9), unnest($10)`,
    [
      id,
      list(found.map((_, i) => i + 1)),
      list(found.map((entry) => entry.label)),
      list(found.map((entry) => entry.value)),
      column((entry) => entry.incidentShare),
      column((entry) => entry.baselineShare),
      column((entry) => entry.incidentCount),
      column((entry) => entry.baselineCount),
      column((entry) => entry.score),
      column((entry) => entry.z),
    ],
    [BIGINT, LIST_OF.integer, LIST_OF.varchar, LIST_OF.varchar, ...Array<DuckDBType>(6).fill(LIST_OF.double)],
  );
}

/** Each incident's contrast rows, in rank order. */
async function readLabelContrast(
  connection: DuckDBConnection,
  ids: readonly bigint[],
): Promise<Map<string, OverRepresentedValue[]>> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT incident_id, label, value, incident_share, baseline_share, incident_count, baseline_count, score, z
       FROM incident_label_contrast WHERE list_contains($1, incident_id) ORDER BY incident_id, rank`,
      [list(ids)],
      [LIST(BIGINT)],
    )
  ).getRows();
  const byIncident = new Map<string, OverRepresentedValue[]>();
  for (const [incident, label, value, ...numbers] of rows) {
    const [incidentShare, baselineShare, incidentCount, baselineCount, score, z] = numbers.map((x) =>
      toNumber(x ?? null),
    ) as [number, number, number, number, number, number];
    const key = toBigInt(incident ?? null).toString();
    const entries = byIncident.get(key) ?? [];
    entries.push({
      label: toText(label ?? null),
      value: toText(value ?? null),
      incidentShare,
      baselineShare,
      incidentCount,
      baselineCount,
      score,
      z,
    });
    byIncident.set(key, entries);
  }
  return byIncident;
}

export async function readIncidentAnalyses(
  connection: DuckDBConnection,
  ids: readonly string[],
): Promise<IncidentAnalysis[]> {
  const values = ids.map(incidentIdValue).filter((id): id is bigint => id !== null);
  if (values.length === 0) return [];
  const rows = (
    await connection.runAndReadAll(
      `SELECT incident_id, rank, epoch_ms(analysed_at), model, cause_signal, cause_service, score, evidence
       FROM incident_causes WHERE list_contains($1, incident_id) ORDER BY incident_id, rank`,
      [list(values)],
      [LIST(BIGINT)],
    )
  ).getRows();
  const analyses = new Map<string, IncidentAnalysis>();
  for (const [incident, rank, at, model, signal, service, score, evidence] of rows) {
    const incidentId = toBigInt(incident ?? null).toString();
    let analysis = analyses.get(incidentId);
    if (!analysis) {
      analysis = {
        incidentId,
        analysedAtMs: toNumber(at ?? null),
        model: toText(model ?? null),
        causes: [],
      };
      analyses.set(incidentId, analysis);
    }
    analysis.causes.push({
      rank: toNumber(rank ?? null),
      signal: toText(signal ?? null),
      service: toText(service ?? null),
      score: toNumber(score ?? null),
      evidence: JSON.parse(toText(evidence ?? null)) as Record<string, unknown>,
    });
  }
  const contrasts = await readLabelContrast(connection, values);
  // An analysis that found nothing over-represented reads back without the field.
  return [...analyses.values()].map((analysis) => {
    const labelContrast = contrasts.get(analysis.incidentId);
    return labelContrast ? { ...analysis, labelContrast } : analysis;
  });
}
