/**
 * Reads Tempo's service graph from the Prometheus a `prometheus` source already queries
 * (Tempo's metrics-generator remote-writes it there): one instant query, through the same
 * HTTP client, credentials, TLS settings and timeout as the source. Not a source itself —
 * it yields call-graph edges for root-cause analysis, never samples.
 */
import type { PrometheusSourceConfig } from '../../config/schema.js';
import type { ServiceGraphRate } from '../../models/rca/tempo-graph.js';
import { finite, ResultShapeError, seriesOf } from './parse-result.js';
import { httpOptionsFor } from './prometheus-source.js';
import { createQueryApi, type Poster } from './query-api.js';

export interface ServiceGraphQuery {
  /** The server as it may appear in logs: no password. */
  readonly server: string;
  readonly expr: string;
  /** Requests per second of every client → server pair, at `timeMs`. */
  read(timeMs: number, cancel: AbortSignal): Promise<ServiceGraphRate[]>;
}

export function serviceGraphExpr(metric: string, window: string): string {
  return `sum by (client, server) (rate(${metric}[${window}]))`;
}

/** The rows of an instant vector; series without both labels or a finite value are skipped. */
export function parseServiceGraph(data: unknown): ServiceGraphRate[] {
  const rows: ServiceGraphRate[] = [];
  for (const { metric, pairs } of seriesOf(data)) {
    const [pair] = pairs;
    if (!Array.isArray(pair) || typeof pair[1] !== 'string') throw new ResultShapeError('malformed sample');
    const rate = finite(pair[1]);
    const { client, server } = metric;
    if (rate === undefined || typeof client !== 'string' || typeof server !== 'string') continue;
    rows.push({ client, server, rate });
  }
  return rows;
}

export function createServiceGraphQuery(
  source: PrometheusSourceConfig,
  graph: { metric: string; window: string },
  deps: { env?: NodeJS.ProcessEnv; post?: Poster } = {},
): ServiceGraphQuery {
  const api = createQueryApi(source.url, httpOptionsFor(source, deps.env ?? process.env), deps.post);
  const expr = serviceGraphExpr(graph.metric, graph.window);
  return {
    server: api.server,
    expr,
    read: async (timeMs, cancel) => parseServiceGraph(await api.query(expr, timeMs, cancel)),
  };
}
