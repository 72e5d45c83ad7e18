/**
 * The call graph's answer: trouble flows up from callee to caller, so among the nodes that
 * moved, the cause is one whose own dependencies did not move — the deepest changed node
 * below the symptom. Without a graph every changed node counts as deepest.
 */
import {
  byScore,
  CHANGE_LEVEL,
  changeStrength,
  evidenceOf,
  nodeFeatures,
  type NodeFeatures,
} from './features.js';
import { downstreamOf } from './graph.js';
import type { RankedCause, RcaCase, RcaRanker } from './types.js';

export const GRAPH = 'graph';

const TIER = 1000;

/** The most changed node among those `node` depends on that moved themselves, or null. */
export function movedDependency(
  input: RcaCase,
  features: ReadonlyMap<string, NodeFeatures>,
  node: string,
): NodeFeatures | null {
  if (!input.calls) return null;
  let best: NodeFeatures | null = null;
  for (const dependency of downstreamOf(input.calls, node)) {
    const f = features.get(dependency);
    if (f && dependency !== node && f.change >= CHANGE_LEVEL && (!best || f.change > best.change)) best = f;
  }
  return best;
}

function rankOne(input: RcaCase, features: ReadonlyMap<string, NodeFeatures>, f: NodeFeatures): RankedCause {
  const moved = f.change >= CHANGE_LEVEL;
  const explainer = moved ? movedDependency(input, features, f.node) : null;
  // Tiers: moved with nothing moved below it (2), moved but explained from below (1), not moved (0).
  const tier = moved ? (explainer ? 1 : 2) : 0;
  const offGraph = f.downstream === false ? TIER / 2 : 0;
  return {
    node: f.node,
    score: tier * TIER - offGraph + changeStrength(f),
    evidence: evidenceOf(f, explainer?.node ?? null),
  };
}

export const graphRanker: RcaRanker = {
  name: GRAPH,
  rank: (input) => {
    const features = nodeFeatures(input);
    return byScore([...features.values()].map((f) => rankOne(input, features, f)));
  },
};
