/**
 * Omen's default root-cause ranker: the four kinds of evidence together. Each node starts
 * from the strength of its own change (BARO), weighed by onset precedence (moving after the
 * symptom makes a cause unlikely), by how its change tracks the symptom's (lagged
 * correlation) and by the call graph (the symptom's node must depend on it); then a node is
 * discounted by how much a changed node it calls accounts for its change (trouble flows up).
 */
import { byScore, changeStrength, evidenceOf, nodeFeatures, type NodeFeatures } from './features.js';
import { movedDependency } from './graph-ranker.js';
import type { RcaRanker } from './types.js';

export const COMBINED = 'combined';

/** A node the symptom's node does not depend on can still be the cause if the graph is stale. */
const OFF_GRAPH_WEIGHT = 0.2;
/** Nodes that never moved past the change level keep half their (small) weight. */
const NO_ONSET_WEIGHT = 0.5;
/**
 * How readily a changed dependency explains a caller's change: with 0.25, a dependency
 * whose evidence is a quarter of the caller's takes half of it away.
 */
const EXPLAIN_SHARE = 0.25;

/** Steps a cause may lead its symptom by before it looks like trouble that was already there. */
const LEAD_GRACE = 2;

function ownWeight(f: NodeFeatures): number {
  const late = f.lead === null ? 0 : Math.max(0, f.lead);
  const early = f.lead === null ? 0 : Math.max(0, -f.lead - LEAD_GRACE);
  const onset = (f.lead === null ? NO_ONSET_WEIGHT : 1) / (1 + late) / (1 + early / 2);
  const correlation = Math.max(0, f.correlation);
  const graph = f.downstream === false ? OFF_GRAPH_WEIGHT : 1;
  return changeStrength(f) * onset * correlation * graph;
}

export const combinedRanker: RcaRanker = {
  name: COMBINED,
  rank: (input) => {
    const features = nodeFeatures(input, ownWeight);
    const own = new Map([...features.values()].map((f) => [f.node, ownWeight(f)]));
    return byScore(
      [...features.values()].map((f) => {
        const base = own.get(f.node)!;
        const explainer = movedDependency(input, features, f.node);
        const below = explainer ? own.get(explainer.node)! : 0;
        const explained = below > 0 ? below / (below + EXPLAIN_SHARE * base) : 0;
        return {
          node: f.node,
          score: base * (1 - explained),
          evidence: evidenceOf(f, explained > 0.5 ? explainer!.node : null),
        };
      }),
    );
  },
};
