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
import type { IncidentRca } from './incident-rca.js';
import type { Scheduler } from './scheduler.js';
import type { SeriesTracker } from './series-tracker.js';

export interface IncidentStageDeps {
  book: IncidentBook;
  /** Absent when `rca.enabled` is false. */
  rca?: IncidentRca;
  /** Learns the call graph from Tempo on its own timer; absent without `rca.tempoGraph`. */
  graphRefresh?: Scheduler | undefined;
}

interface StageDeps {
  incidents?: IncidentStageDeps;
  tracker: SeriesTracker;
  self: SelfMetrics;
  logger: Logger;
}

export async function incidentStage(
  deps: StageDeps,
  anomalies: readonly AnomalyRecord[],
  nowMs: number,
): Promise<IncidentScores | undefined> {
  if (!deps.incidents) return undefined;
  const { book, rca } = deps.incidents;
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
  if (rca) await rcaStage(deps, book, rca, nowMs);
  return { open: book.openSeries(), causes: rca?.scores() ?? [] };
}

async function rcaStage(deps: StageDeps, book: IncidentBook, rca: IncidentRca, nowMs: number) {
  const seriesOf = (services: Set<string>) =>
    deps.tracker
      .all()
      .filter((series) => services.has(series.service))
      .map(({ signal, service }) => ({ signal, service }));
  let failures: string[];
  try {
    failures = await rca.run(book.open(), seriesOf, nowMs);
  } catch (error) {
    failures = [String(error)];
  }
  deps.self.modelRunSuccess.set({ model: rca.model }, failures.length === 0 ? 1 : 0);
  if (failures.length > 0) {
    deps.logger.warn(
      { model: rca.model, failed: failures.length, first: failures[0] },
      'root-cause analysis failed on some incidents; they are analysed again later',
    );
  }
}
