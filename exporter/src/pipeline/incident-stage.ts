/**
 * The incident step of a cycle, after the anomalies are written: group them into
 * incidents, then analyse the open ones. Each part is isolated like a model: a failure
 * sets omen_model_run_success{model}=0, is logged, and the cycle goes on.
 */
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { Logger } from '../log/logger.js';
import type { IncidentScores } from '../scores/incident-scores.js';
import type { AnomalyRecord } from '../store/store.js';
import { INCIDENT_GROUPING, type IncidentBook } from './incident-book.js';

export interface IncidentStageDeps {
  book: IncidentBook;
}

export async function incidentStage(
  deps: { incidents?: IncidentStageDeps; self: SelfMetrics; logger: Logger },
  anomalies: readonly AnomalyRecord[],
  nowMs: number,
): Promise<IncidentScores | undefined> {
  if (!deps.incidents) return undefined;
  const { book } = deps.incidents;
  try {
    await book.update(anomalies, nowMs);
    deps.self.modelRunSuccess.set({ model: INCIDENT_GROUPING }, 1);
  } catch (error) {
    deps.self.modelRunSuccess.set({ model: INCIDENT_GROUPING }, 0);
    deps.logger.warn(
      { model: INCIDENT_GROUPING, err: String(error) },
      'grouping anomalies into incidents failed',
    );
  }
  return { open: book.openSeries(), causes: [] };
}
