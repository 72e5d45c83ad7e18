/**
 * Learns the service graph from Tempo's service-graph metrics on its own timer
 * (`rca.tempoGraph.refresh`), off the cycle: a slow or failing Prometheus never delays
 * scoring. A failed read keeps the last learned edges — a topology a few minutes old is a
 * better guide than none — and shows as omen_model_run_success{model="rca_tempo_graph"}=0.
 */
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';
import { resolveTempoGraphSource } from '../config/rca-checks.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { Logger } from '../log/logger.js';
import { tempoEdges, type TempoGraphParams } from '../models/rca/tempo-graph.js';
import {
  createServiceGraphQuery,
  type ServiceGraphQuery,
} from '../sources/prometheus/service-graph-query.js';
import { Scheduler } from './scheduler.js';
import type { ServiceGraph } from './service-graph.js';

export const TEMPO_GRAPH = 'rca_tempo_graph';

export interface TempoGraphRefreshDeps {
  query: ServiceGraphQuery;
  params: TempoGraphParams;
  graph: ServiceGraph;
  self: Pick<SelfMetrics, 'modelRunSuccess' | 'rcaGraphEdges'>;
  logger: Logger;
}

export function publishEdgeCounts(graph: ServiceGraph, self: Pick<SelfMetrics, 'rcaGraphEdges'>): void {
  const counts = graph.edgeCounts();
  self.rcaGraphEdges.set({ source: 'config' }, counts.config);
  self.rcaGraphEdges.set({ source: 'tempo' }, counts.tempo);
}

/** One read: never throws (the outcome is a metric and a log line). */
export async function refreshTempoGraph(
  deps: TempoGraphRefreshDeps,
  nowMs: number,
  abort: AbortSignal,
): Promise<void> {
  let rows;
  try {
    rows = await deps.query.read(nowMs, abort);
  } catch (error) {
    deps.self.modelRunSuccess.set({ model: TEMPO_GRAPH }, 0);
    deps.logger.warn(
      { server: deps.query.server, err: error instanceof Error ? error.message : String(error) },
      'cannot read the service graph; keeping the last learned edges',
    );
    return;
  }
  const before = deps.graph.edgeCounts().tempo;
  const edges = tempoEdges(rows, deps.params);
  deps.graph.learn(edges);
  deps.self.modelRunSuccess.set({ model: TEMPO_GRAPH }, 1);
  publishEdgeCounts(deps.graph, deps.self);
  const after = deps.graph.edgeCounts().tempo;
  if (after !== before)
    deps.logger.info({ pairs: rows.length, edges: after }, 'service graph learned from Tempo');
}

/** The timer, or undefined when `rca.tempoGraph` is absent or disabled. */
export function tempoGraphScheduler(
  config: OmenConfig,
  deps: { graph: ServiceGraph; self: SelfMetrics; logger: Logger; clock?: (() => number) | undefined },
): Scheduler | undefined {
  const settings = config.rca.tempoGraph;
  if (!settings?.enabled) return undefined;
  const resolved = resolveTempoGraphSource(config);
  // The config check already refused this; a config built by hand must not start a blind timer.
  if ('problem' in resolved) throw new Error(resolved.problem);
  const logger = deps.logger.child({ component: 'tempo-graph' });
  const refresh: TempoGraphRefreshDeps = {
    query: createServiceGraphQuery(resolved.source, settings),
    params: {
      minRate: settings.minRate,
      services: new Map(Object.entries(settings.services)),
      ignore: settings.ignore,
    },
    graph: deps.graph,
    self: deps.self,
    logger,
  };
  deps.self.registerModel(TEMPO_GRAPH);
  return new Scheduler({
    intervalMs: parseDuration(settings.refresh),
    runCycle: (nowMs, abort) => refreshTempoGraph(refresh, nowMs, abort),
    onOverrun: () => logger.warn('the service-graph read is still running; this one skipped'),
    onCycleDone: () => undefined,
    logger,
    clock: deps.clock,
    what: 'service-graph read',
  });
}
