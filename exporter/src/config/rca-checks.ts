/**
 * `rca.tempoGraph`'s cross-key rules (called by `consistency.ts`): the service-graph
 * metrics are read through a prometheus source, named or — when there is exactly one —
 * implied, so the setup never has to guess which server to ask.
 */
import { formatPath } from './errors.js';
import type { OmenConfig, PrometheusSourceConfig } from './schema.js';

type Resolved = { source: PrometheusSourceConfig } | { problem: string };

/** The prometheus source `rca.tempoGraph` reads through, or why there is none. */
export function resolveTempoGraphSource(config: OmenConfig): Resolved {
  const prometheus = config.sources.filter(
    (source): source is PrometheusSourceConfig => source.type === 'prometheus',
  );
  const named = config.rca.tempoGraph?.source;
  const where = formatPath(['rca', 'tempoGraph', ...(named === undefined ? [] : ['source'])]);
  const names = prometheus.map((source) => source.name).join(', ') || 'none';
  if (named !== undefined) {
    const source = prometheus.find((candidate) => candidate.name === named);
    if (source) return { source };
    return { problem: `${where}: no prometheus source is named "${named}" (prometheus sources: ${names})` };
  }
  if (prometheus.length === 1) return { source: prometheus[0]! };
  return {
    problem: `${where}: needs a prometheus source to query; set rca.tempoGraph.source (prometheus sources: ${names})`,
  };
}

export function rcaProblems(config: OmenConfig): string[] {
  if (!config.rca.tempoGraph?.enabled) return [];
  const resolved = resolveTempoGraphSource(config);
  return 'problem' in resolved ? [resolved.problem] : [];
}
