import { describe, expect, it } from 'vitest';
import { histogramQuantile } from './histogram-quantile.js';

// Cumulative buckets: 10 observations ≤ 0.1, 30 ≤ 0.5, 40 ≤ 1, 50 in all.
const BUCKETS = [
  { upperBound: 0.5, count: 30 },
  { upperBound: Infinity, count: 50 },
  { upperBound: 0.1, count: 10 },
  { upperBound: 1, count: 40 },
];

describe('histogramQuantile', () => {
  it('interpolates linearly within the bucket where the rank falls (buckets in any order)', () => {
    // q=0.5: rank 25 falls in (0.1, 0.5], 15 of its 20 → 0.1 + 0.4 × 15/20 = 0.4.
    expect(histogramQuantile(0.5, BUCKETS)).toBeCloseTo(0.4, 12);
    // q=0.7: rank 35 falls in (0.5, 1], 5 of its 10 → 0.75.
    expect(histogramQuantile(0.7, BUCKETS)).toBeCloseTo(0.75, 12);
  });

  it('starts the first bucket at 0', () => {
    // q=0.1: rank 5 of the first bucket's 10 → 0 + 0.1 × 5/10 = 0.05.
    expect(histogramQuantile(0.1, BUCKETS)).toBeCloseTo(0.05, 12);
  });

  it('gives the highest finite bound when the rank falls in +Inf', () => {
    expect(histogramQuantile(0.99, BUCKETS)).toBe(1);
  });

  it('returns the bound itself when the first bucket ends at or below 0', () => {
    const buckets = [
      { upperBound: -1, count: 4 },
      { upperBound: 1, count: 8 },
      { upperBound: Infinity, count: 8 },
    ];
    expect(histogramQuantile(0.25, buckets)).toBe(-1);
  });

  it('makes rounding-broken cumulative counts monotonic before reading them', () => {
    const buckets = [
      { upperBound: 1, count: 10 },
      { upperBound: 2, count: 9.999 },
      { upperBound: 4, count: 20 },
      { upperBound: Infinity, count: 20 },
    ];
    // Bucket (1, 2] is empty once fixed; q=0.75: rank 15 in (2, 4] → 2 + 2 × 5/10 = 3.
    expect(histogramQuantile(0.75, buckets)).toBeCloseTo(3, 12);
  });

  it('has no value without observations, without +Inf, or with a single bucket', () => {
    expect(
      histogramQuantile(
        0.5,
        BUCKETS.map((bucket) => ({ ...bucket, count: 0 })),
      ),
    ).toBeUndefined();
    expect(
      histogramQuantile(
        0.5,
        BUCKETS.filter((bucket) => bucket.upperBound !== Infinity),
      ),
    ).toBeUndefined();
    expect(histogramQuantile(0.5, [{ upperBound: Infinity, count: 5 }])).toBeUndefined();
    expect(histogramQuantile(0.5, [])).toBeUndefined();
  });
});
