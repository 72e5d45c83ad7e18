/**
 * The call graph RCA and incident grouping use, as the union of the configured edges
 * (`rca.graph`, the operator's word) and the edges learned from traces (`rca.tempoGraph`):
 * an edge either one knows is kept, so a dependency the traces do not see (an untraced
 * database) is never lost, and one the config forgot is still found. Each edge remembers
 * where it came from, so the evidence can say which edges a cause was found through.
 */

export type EdgeSource = 'config' | 'tempo' | 'both';

export interface GraphEdge {
  client: string;
  server: string;
  source: EdgeSource;
}

export interface CallGraph {
  /** Caller → callees, as the rankers and grouping read it. */
  calls: ReadonlyMap<string, readonly string[]>;
  edges: readonly GraphEdge[];
}

const pairKey = (client: string, server: string) => `${client}\u0000${server}`;

export function mergeCallGraph(
  configured: Readonly<Record<string, readonly string[]>>,
  learned: readonly { client: string; server: string }[],
): CallGraph {
  const edges = new Map<string, GraphEdge>();
  for (const [client, servers] of Object.entries(configured))
    for (const server of servers) edges.set(pairKey(client, server), { client, server, source: 'config' });
  for (const { client, server } of learned) {
    const key = pairKey(client, server);
    const known = edges.get(key);
    edges.set(key, { client, server, source: known ? 'both' : 'tempo' });
  }
  const calls = new Map<string, string[]>();
  for (const { client, server } of edges.values()) calls.set(client, [...(calls.get(client) ?? []), server]);
  return { calls, edges: [...edges.values()] };
}

/**
 * The shortest chain of calls from `from` down to `to` (breadth first), each edge with its
 * source; [] when they are the same node, null when `from` does not depend on `to`.
 */
export function callPath(graph: CallGraph, from: string, to: string): GraphEdge[] | null {
  if (from === to) return [];
  const byPair = new Map(graph.edges.map((edge) => [pairKey(edge.client, edge.server), edge]));
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i]!;
    for (const next of graph.calls.get(node) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      if (next === to) return walkBack(cameFrom, byPair, from, to);
      queue.push(next);
    }
  }
  return null;
}

function walkBack(
  cameFrom: ReadonlyMap<string, string>,
  byPair: ReadonlyMap<string, GraphEdge>,
  from: string,
  to: string,
): GraphEdge[] {
  const path: GraphEdge[] = [];
  for (let node = to; node !== from; node = cameFrom.get(node)!)
    path.unshift(byPair.get(pairKey(cameFrom.get(node)!, node))!);
  return path;
}
