import { describe, expect, it } from 'vitest';
import { badness, robustScale } from './robust-change.js';

describe('robust change score (BARO)', () => {
  it('scales by the median and inter-quartile range of the normal period, ignoring gaps', () => {
    const scale = robustScale([1, 2, 3, 4, 5, NaN, 6, 7, 8, 9])!;
    expect(scale.median).toBe(5);
    expect(scale.iqr).toBe(4); // 7 − 3 (simple-statistics quantiles)
    expect(badness(13, scale, 'up')).toBe(2);
  });

  it('counts worse in the direction that is worse', () => {
    const scale = { median: 100, iqr: 2 };
    expect(badness(90, scale, 'down')).toBe(5);
    expect(badness(90, scale, 'up')).toBe(-5);
    expect(badness(90, scale, 'both')).toBe(5);
    expect(badness(110, scale, 'both')).toBe(5);
  });

  it('gives a constant baseline a small finite spread, so a real move stands out', () => {
    const scale = robustScale(new Array(50).fill(100))!;
    expect(scale.iqr).toBeCloseTo(0.1);
    expect(badness(99, scale, 'down')).toBeCloseTo(10);
  });

  it('measures a mostly-zero count by its rare moves, not by a near-zero floor', () => {
    const counts = [...new Array(95).fill(0), 1, 2, 1, 3, 1];
    const scale = robustScale(counts)!;
    expect(scale.iqr).toBeCloseTo(0.08);
    expect(badness(4, scale, 'both')).toBeCloseTo(50);
  });

  it('has no scale for a baseline of fewer than three points', () => {
    expect(robustScale([1, 2, NaN, NaN])).toBeNull();
  });
});
