/**
 * The ranked causes of each incident's latest root-cause analysis: a run replaces the
 * previous one as a whole, so a reader never sees two runs mixed.
 */
import { BIGINT, LIST, TIMESTAMP, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
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
  return [...analyses.values()];
}
