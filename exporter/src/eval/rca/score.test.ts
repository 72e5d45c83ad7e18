import { describe, expect, it } from 'vitest';
import { baroRanker } from '../../models/rca/baro-ranker.js';
import { chainCase } from '../../models/rca/test-cases.js';
import type { LabelledCase } from './labelled-case.js';
import { scoreRanker } from './score.js';

// BARO ranks the chain case api, frontend, db, search.
const labelled = (id: string, scenario: string, targetMetric: string, rootCause: string): LabelledCase => ({
  id,
  scenario,
  targetMetric,
  rootCause,
  input: chainCase(),
});

describe('top-k recall', () => {
  it('counts the root cause ranked first, in the first three, or not at all, per group and overall', () => {
    const scores = scoreRanker(baroRanker, [
      labelled('a', 's1', 'latency', 'api'),
      labelled('b', 's1', 'latency', 'db'),
      labelled('c', 's1', 'availability', 'search'),
      labelled('d', 's2', 'latency', 'nowhere'),
    ]);
    expect(scores.cases.map((c) => c.rank)).toEqual([1, 3, 4, null]);
    expect(scores.cases[0]!.top).toEqual(['api', 'frontend', 'db']);
    expect(scores.groups).toEqual([
      { scenario: 's1', targetMetric: 'availability', cases: 1, top1: 0, top3: 0 },
      { scenario: 's1', targetMetric: 'latency', cases: 2, top1: 0.5, top3: 1 },
      { scenario: 's2', targetMetric: 'latency', cases: 1, top1: 0, top3: 0 },
    ]);
    expect(scores.overall).toEqual({ cases: 4, top1: 0.25, top3: 0.5 });
  });
});
