/**
 * Builds the incident step from the config (start-up only): the incident book restored
 * from the store, and the root-cause analysis over the call graph — configured, and learned
 * from Tempo's service-graph metrics when `rca.tempoGraph` is set.
 */
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { Logger } from '../log/logger.js';
import { rca as rankers } from '../models/registry.js';
import type { BreakdownReader } from '../sources/breakdown.js';
import type { Store } from '../store/store.js';
import { groupingParams, IncidentBook, INCIDENT_GROUPING } from './incident-book.js';
import { IncidentRca } from './incident-rca.js';
import type { IncidentStageDeps } from './incident-stage.js';
import type { Scheduler } from './scheduler.js';
import { ServiceGraph } from './service-graph.js';
import { SymptomContrast } from './symptom-contrast.js';
import { publishEdgeCounts, tempoGraphScheduler } from './tempo-graph-refresh.js';

/** Analyses per cycle at most: an incident storm must not stretch the cycle. */
const RCA_PER_CYCLE = 5;

export async function setUpIncidents(
  config: OmenConfig,
  deps: {
    store: Store;
    self: SelfMetrics;
    logger: Logger;
    intervalMs: number;
    /** The sources' label breakdowns, for the label contrast of each analysis. */
    breakdowns?: readonly BreakdownReader[];
  },
): Promise<IncidentStageDeps | undefined> {
  if (!config.incidents.enabled) return undefined;
  const graph = new ServiceGraph(config.rca.graph);
  publishEdgeCounts(graph, deps.self);
  const graphRefresh = tempoGraphScheduler(config, { graph, self: deps.self, logger: deps.logger });
  const book = new IncidentBook(deps.store, () => groupingParams(config.incidents, graph.calls()));
  const open = await book.restore();
  deps.self.registerModel(INCIDENT_GROUPING);
  if (!config.rca.enabled) {
    deps.logger.info({ open }, 'open incidents restored');
    return { book, graphRefresh };
  }
  const rca = new IncidentRca(deps.store, {
    ranker: rankers.combined,
    stepMs: config.rca.step ? parseDuration(config.rca.step) : deps.intervalMs,
    baselineMs: parseDuration(config.rca.baseline),
    everyCycles: config.rca.everyCycles,
    topK: config.rca.topK,
    graph,
    perCycle: RCA_PER_CYCLE,
    ...contrastOption(deps.breakdowns ?? [], deps.logger),
  });
  await rca.restore(book.open());
  deps.self.registerModel(rca.model);
  deps.logger.info({ open, graph: graph.edgeCounts().config }, 'open incidents restored');
  return { book, rca, graphRefresh };
}

function contrastOption(readers: readonly BreakdownReader[], logger: Logger) {
  if (readers.length === 0) return {};
  const contrast = new SymptomContrast(readers, logger);
  return { contrast: contrast.contrast.bind(contrast) };
}

/** The incident step's own timers, started and stopped with the exporter's. */
export function incidentTimers(incidents: IncidentStageDeps | undefined): Scheduler[] {
  return incidents?.graphRefresh ? [incidents.graphRefresh] : [];
}
