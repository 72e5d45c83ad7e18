/**
 * The service dependency graph the incident step reads, held for the life of the process:
 * the configured edges (`rca.graph`) joined with the latest edges learned from Tempo
 * (`rca.tempoGraph`). Readers ask for it at each use, so a refresh reaches the next
 * grouping and the next analysis; with no edge at all there is no graph, as before.
 */
import { callPath, mergeCallGraph, type CallGraph, type GraphEdge } from '../models/rca/call-graph.js';

export type Calls = ReadonlyMap<string, readonly string[]>;

/** What the incident step needs of the graph. */
export interface CallGraphView {
  /** Caller → callees; undefined while no edge is known. */
  calls(): Calls | undefined;
  /** The chain of calls from `from` down to `to`; null when there is none (or no graph). */
  path(from: string, to: string): GraphEdge[] | null;
}

export class ServiceGraph implements CallGraphView {
  private graph: CallGraph | undefined;

  constructor(private readonly configured: Readonly<Record<string, readonly string[]>> = {}) {
    this.learn([]);
  }

  /** Replaces the learned edges (the configured ones always stay). */
  learn(edges: readonly { client: string; server: string }[]): void {
    const merged = mergeCallGraph(this.configured, edges);
    this.graph = merged.edges.length > 0 ? merged : undefined;
  }

  calls(): Calls | undefined {
    return this.graph?.calls;
  }

  path(from: string, to: string): GraphEdge[] | null {
    return this.graph ? callPath(this.graph, from, to) : null;
  }

  /** Edges known from each source; an edge both know counts for both. */
  edgeCounts(): { config: number; tempo: number } {
    const edges = this.graph?.edges ?? [];
    return {
      config: edges.filter((edge) => edge.source !== 'tempo').length,
      tempo: edges.filter((edge) => edge.source !== 'config').length,
    };
  }
}
