/**
 * Builds the incident step from the config (start-up only): the incident book restored
 * from the store, and the root-cause analysis over the configured call graph.
 */
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { Logger } from '../log/logger.js';
import { rca as rankers } from '../models/registry.js';
import type { Store } from '../store/store.js';
import { groupingParams, IncidentBook, INCIDENT_GROUPING } from './incident-book.js';
import { IncidentRca } from './incident-rca.js';
import type { IncidentStageDeps } from './incident-stage.js';

/** Analyses per cycle at most: an incident storm must not stretch the cycle. */
const RCA_PER_CYCLE = 5;

export async function setUpIncidents(
  config: OmenConfig,
  deps: { store: Store; self: SelfMetrics; logger: Logger; intervalMs: number },
): Promise<IncidentStageDeps | undefined> {
  if (!config.incidents.enabled) return undefined;
  const calls = config.rca.graph ? new Map(Object.entries(config.rca.graph)) : undefined;
  const book = new IncidentBook(deps.store, groupingParams(config.incidents, calls));
  const open = await book.restore();
  deps.self.registerModel(INCIDENT_GROUPING);
  if (!config.rca.enabled) {
    deps.logger.info({ open }, 'open incidents restored');
    return { book };
  }
  const rca = new IncidentRca(deps.store, {
    ranker: rankers.combined,
    stepMs: config.rca.step ? parseDuration(config.rca.step) : deps.intervalMs,
    baselineMs: parseDuration(config.rca.baseline),
    everyCycles: config.rca.everyCycles,
    topK: config.rca.topK,
    calls,
    perCycle: RCA_PER_CYCLE,
  });
  await rca.restore(book.open());
  deps.self.registerModel(rca.model);
  deps.logger.info({ open, graph: calls?.size ?? 0 }, 'open incidents restored');
  return { book, rca };
}
