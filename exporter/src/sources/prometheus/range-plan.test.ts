import { describe, expect, it } from 'vitest';
import { planChunks, pointsIn } from './range-plan.js';

describe('planChunks', () => {
  it('covers the range back to back with at most maxPoints evaluations per chunk', () => {
    const chunks = planChunks(0, 99_000, 1000, 30);
    expect(chunks).toEqual([
      { startMs: 0, endMs: 29_000 },
      { startMs: 30_000, endMs: 59_000 },
      { startMs: 60_000, endMs: 89_000 },
      { startMs: 90_000, endMs: 99_000 },
    ]);
    const points = chunks.map((chunk) => pointsIn(chunk.startMs, chunk.endMs, 1000));
    expect(points).toEqual([30, 30, 30, 10]);
    expect(points.reduce((a, b) => a + b)).toBe(pointsIn(0, 99_000, 1000));
  });

  it('keeps a day at a 1s step under Prometheus’s 11 000 points per request', () => {
    const chunks = planChunks(0, 86_400_000, 1000, 11_000);
    expect(chunks).toHaveLength(8);
    expect(Math.max(...chunks.map((c) => pointsIn(c.startMs, c.endMs, 1000)))).toBeLessThanOrEqual(11_000);
  });

  it('puts evaluations on the step grid', () => {
    expect(planChunks(1_500, 4_200, 1000, 100)).toEqual([{ startMs: 2_000, endMs: 4_000 }]);
  });

  it('plans nothing for a range without a grid point', () => {
    expect(planChunks(1_100, 1_900, 1000, 100)).toEqual([]);
  });
});
