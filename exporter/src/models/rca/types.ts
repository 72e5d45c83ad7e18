/**
 * Root-cause analysis, as a pure family: given the symptom of an incident, the metrics of
 * every candidate node (service) over the incident window and their normal-period values,
 * and the call graph when known, rank the nodes by how likely each one caused the symptom.
 */

/** Which way is worse for a metric: latency goes up, availability down, traffic either way. */
export type Direction = 'up' | 'down' | 'both';

export interface RcaSeries {
  /** The node (service) the series belongs to — what a ranker names as a cause. */
  node: string;
  /** The series' name within the node, e.g. `latency:p90` or `error_ratio`. */
  metric: string;
  direction: Direction;
  /** Values of the normal period, before the incident (the robust baseline). NaN = no data. */
  baseline: readonly number[];
  /** Values over the incident window, one per step, aligned across series. NaN = no data. */
  window: readonly number[];
}

export interface RcaCase {
  /** The series that alerted. Its node is a candidate too: a service can be its own cause. */
  symptom: { node: string; metric: string };
  /** Index in `window` where the symptom was first seen (the alert). */
  onset: number;
  series: readonly RcaSeries[];
  /** Caller → callees, when a dependency graph is known (from config or service-graph metrics). */
  calls?: ReadonlyMap<string, readonly string[]>;
}

/** What a ranker saw of one node; every field is evidence an operator can check. */
export interface NodeEvidence {
  /** The node's series that moved most against its own baseline. */
  metric: string;
  /** Robust change score of that series: max over the window of (x − median) / IQR, signed by direction. */
  change: number;
  /** Window index where the node first moved past the change level, or null if it never did. */
  onset: number | null;
  /** The node's onset minus the symptom's, in steps (negative: the node moved first). */
  lead: number | null;
  /** Best rank correlation of the node's change with the symptom's, the node leading by 0..2 steps. */
  correlation: number;
  /** The node is the symptom's node or one it calls, directly or not; null without a graph. */
  downstream: boolean | null;
  /** A changed node the candidate calls that accounts for the candidate's own change, if any. */
  explainedBy: string | null;
}

export interface RankedCause {
  node: string;
  /** Higher is more likely; comparable within one ranking only. */
  score: number;
  evidence: NodeEvidence;
}

export interface RcaRanker {
  readonly name: string;
  /** Every node with at least one usable series, most likely cause first (ties by name). */
  rank(input: RcaCase): RankedCause[];
}
