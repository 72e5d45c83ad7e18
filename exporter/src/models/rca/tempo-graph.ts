/**
 * The call graph learned from Tempo's service graph (its metrics-generator's
 * `traces_service_graph_request_total{client, server}`): one edge per client → server pair
 * whose request rate is high enough to be a real dependency rather than a stray span.
 *
 * Tempo names nodes after the traced `service.name`; `services` maps those names onto
 * Omen's services where they differ. Its virtual nodes (`user` for requests with no traced
 * caller, `unknown` for a callee it could not name) are no service of ours and are left out.
 */

/** One row of `sum by (client, server) (rate(...))`: requests per second. */
export interface ServiceGraphRate {
  client: string;
  server: string;
  rate: number;
}

export interface TempoGraphParams {
  /** Requests per second below which a pair is not an edge. */
  minRate: number;
  /** Tempo service name → Omen service; unmapped names are used as they are. */
  services: ReadonlyMap<string, string>;
  /** Node names that are none of our services (Tempo's virtual nodes). */
  ignore: readonly string[];
}

export interface LearnedEdge {
  client: string;
  server: string;
  /** Requests per second, summed over the Tempo pairs that map onto this one. */
  rate: number;
}

const pairKey = (client: string, server: string) => `${client}\u0000${server}`;

/** The edges, sorted by client then server; self-loops and ignored nodes dropped. */
export function tempoEdges(rows: readonly ServiceGraphRate[], params: TempoGraphParams): LearnedEdge[] {
  const ignored = new Set(params.ignore);
  const summed = new Map<string, LearnedEdge>();
  for (const row of rows) {
    if (!Number.isFinite(row.rate) || row.rate <= 0) continue;
    if (ignored.has(row.client) || ignored.has(row.server)) continue;
    const client = params.services.get(row.client) ?? row.client;
    const server = params.services.get(row.server) ?? row.server;
    // A service calling itself (or two Tempo names of one service) says nothing about
    // which way trouble flows between services.
    if (client === server) continue;
    const key = pairKey(client, server);
    const edge = summed.get(key);
    if (edge) edge.rate += row.rate;
    else summed.set(key, { client, server, rate: row.rate });
  }
  return [...summed.values()]
    .filter((edge) => edge.rate >= params.minRate)
    .sort((a, b) => a.client.localeCompare(b.client) || a.server.localeCompare(b.server));
}
