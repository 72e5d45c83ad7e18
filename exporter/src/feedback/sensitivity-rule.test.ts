import { describe, expect, it } from 'vitest';
import { activeBar, countedFalsePositives, type TimedVerdict } from './sensitivity-rule.js';

const HOUR = 3_600_000;
const rule = { lookbackMs: 24 * HOUR, factor: 10, maxSteps: 2 };
const fp = (atMs: number): TimedVerdict => ({ verdict: 'false_positive', atMs });
const tp = (atMs: number): TimedVerdict => ({ verdict: 'true_positive', atMs });
const NOW = 100 * HOUR;

describe('the false-positive rule', () => {
  it('leaves the bar alone without feedback', () => {
    expect(activeBar(0.995, [], NOW, rule)).toBeCloseTo(0.995, 12);
  });

  it('divides the tail allowance by the factor per false positive, up to maxSteps', () => {
    expect(activeBar(0.995, [fp(NOW - HOUR)], NOW, rule)).toBeCloseTo(0.9995, 12);
    expect(activeBar(0.995, [fp(NOW - 2 * HOUR), fp(NOW - HOUR)], NOW, rule)).toBeCloseTo(0.99995, 12);
    expect(activeBar(0.995, [fp(NOW - 3 * HOUR), fp(NOW - 2 * HOUR), fp(NOW - HOUR)], NOW, rule)).toBeCloseTo(
      0.99995,
      12,
    );
  });

  it('forgets false positives older than the lookback, and any before a true positive', () => {
    expect(countedFalsePositives([fp(NOW - 25 * HOUR), fp(NOW - HOUR)], NOW, rule)).toBe(1);
    expect(countedFalsePositives([fp(NOW - 3 * HOUR), fp(NOW - 2 * HOUR), tp(NOW - HOUR)], NOW, rule)).toBe(
      0,
    );
    expect(countedFalsePositives([tp(NOW - 3 * HOUR), fp(NOW - HOUR), fp(NOW - 2 * HOUR)], NOW, rule)).toBe(
      2,
    );
    // Feedback from the future (a clock step back) does not count yet.
    expect(countedFalsePositives([fp(NOW + HOUR)], NOW, rule)).toBe(0);
  });

  it('is off with maxSteps 0', () => {
    expect(activeBar(0.995, [fp(NOW - HOUR)], NOW, { ...rule, maxSteps: 0 })).toBeCloseTo(0.995, 12);
  });
});
