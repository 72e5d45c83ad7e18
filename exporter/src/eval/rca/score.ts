/** Top-k recall of a ranker over labelled cases, per scenario and target metric and overall. */
import type { RcaRanker } from '../../models/rca/types.js';
import type { LabelledCase } from './labelled-case.js';

export interface CaseResult {
  id: string;
  scenario: string;
  targetMetric: string;
  rootCause: string;
  /** 1-based position of the root cause in the ranking, or null if the ranker did not name it. */
  rank: number | null;
  /** The first three nodes ranked. */
  top: string[];
}

export interface Recall {
  cases: number;
  top1: number;
  top3: number;
}

export interface GroupRecall extends Recall {
  scenario: string;
  targetMetric: string;
}

export interface RcaScores {
  ranker: string;
  groups: GroupRecall[];
  overall: Recall;
  cases: CaseResult[];
}

function recall(results: readonly CaseResult[]): Recall {
  const within = (k: number) => results.filter((r) => r.rank !== null && r.rank <= k).length / results.length;
  return { cases: results.length, top1: within(1), top3: within(3) };
}

export function rankCase(ranker: RcaRanker, labelled: LabelledCase): CaseResult {
  const ranking = ranker.rank(labelled.input).map((cause) => cause.node);
  const position = ranking.indexOf(labelled.rootCause);
  return {
    id: labelled.id,
    scenario: labelled.scenario,
    targetMetric: labelled.targetMetric,
    rootCause: labelled.rootCause,
    rank: position === -1 ? null : position + 1,
    top: ranking.slice(0, 3),
  };
}

export function scoreRanker(ranker: RcaRanker, cases: readonly LabelledCase[]): RcaScores {
  const results = cases.map((c) => rankCase(ranker, c));
  const keys = [...new Set(results.map((r) => `${r.scenario}\t${r.targetMetric}`))].sort();
  const groups = keys.map((key) => {
    const [scenario, targetMetric] = key.split('\t') as [string, string];
    const members = results.filter((r) => r.scenario === scenario && r.targetMetric === targetMetric);
    return { scenario, targetMetric, ...recall(members) };
  });
  return { ranker: ranker.name, groups, overall: recall(results), cases: results };
}
