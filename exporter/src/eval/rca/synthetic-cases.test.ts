import { describe, expect, it } from 'vitest';
import { combinedRanker } from '../../models/rca/combined-ranker.js';
import { downstreamOf } from '../../models/rca/graph.js';
import { scoreRanker } from './score.js';
import { generateCases } from './synthetic-cases.js';

describe('generated varied-cause RCA set', () => {
  const cases = generateCases({ seed: 11, count: 60 });

  it('is the same for the same seed, and case i does not depend on how many are asked for', () => {
    const again = generateCases({ seed: 11, count: 5 });
    expect(again.map((c) => c.rootCause)).toEqual(cases.slice(0, 5).map((c) => c.rootCause));
    expect(again[3]!.input.series[0]!.window).toEqual(cases[3]!.input.series[0]!.window);
    expect(generateCases({ seed: 12, count: 5 }).map((c) => c.input.series[0]!.window)).not.toEqual(
      again.map((c) => c.input.series[0]!.window),
    );
  });

  it('has varied causes, each one the symptom’s node or a node it depends on', () => {
    expect(new Set(cases.map((c) => c.rootCause)).size).toBeGreaterThan(10);
    expect(new Set(cases.map((c) => c.targetMetric))).toEqual(new Set(['latency', 'availability']));
    for (const c of cases) {
      const { node } = c.input.symptom;
      expect(c.rootCause === node || downstreamOf(c.input.calls!, node).has(c.rootCause), c.id).toBe(true);
      expect(c.input.series.some((s) => s.node === c.rootCause)).toBe(true);
    }
  });

  it('is not solved by naming the symptom’s own node', () => {
    const self = cases.filter((c) => c.rootCause === c.input.symptom.node).length / cases.length;
    expect(self).toBeLessThan(0.3);
  });

  it('is ranked by the combined ranker within the targets (top-3 ≥ 0.8, top-1 ≥ 0.5)', () => {
    const { overall } = scoreRanker(combinedRanker, cases);
    expect(overall.top3).toBeGreaterThanOrEqual(0.8);
    expect(overall.top1).toBeGreaterThanOrEqual(0.5);
  });
});
