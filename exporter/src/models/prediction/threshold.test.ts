import { describe, expect, it } from 'vitest';
import { learnThreshold } from './threshold.js';

describe('learnThreshold', () => {
  it('is the 99th percentile plus a tenth of the 1–99% range', () => {
    // 0..100: p99 = 99, p1 = 1 → 99 + 0.1 × 98.
    const history = Array.from({ length: 101 }, (_, i) => i);
    expect(learnThreshold(history)).toBeCloseTo(108.8, 9);
  });

  it('does not depend on the order of the history', () => {
    const history = Array.from({ length: 101 }, (_, i) => (i * 37) % 101);
    expect(learnThreshold(history)).toBeCloseTo(108.8, 9);
  });

  it('puts a flat series threshold at its level, so only a rise breaches', () => {
    expect(learnThreshold(new Array(50).fill(3))).toBe(3);
  });

  it('refuses a history too short to learn from', () => {
    expect(() => learnThreshold([1, 2, 3])).toThrow(/at least 20 points \(got 3\)/);
  });
});
