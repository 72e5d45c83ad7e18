import { describe, expect, it } from 'vitest';
import { studentTwoSidedQuantile, studentTwoSidedTail } from './student-t.js';

// Reference values from R: 2 * pt(-t, df) and qt(1 - p / 2, df).
describe('Student-t tail', () => {
  it.each([
    [1, 1, 0.5],
    [2.228139, 10, 0.05],
    [2.575829, 1e6, 0.01],
    [3.169273, 10, 0.01],
    [12.7062, 1, 0.05],
    [0, 5, 1],
  ])('P(|T| ≥ %f | dof %f) = %f', (t, dof, p) => {
    expect(studentTwoSidedTail(t, dof)).toBeCloseTo(p, 5);
  });

  it('goes to 0 for infinite t and is symmetric', () => {
    expect(studentTwoSidedTail(Infinity, 3)).toBe(0);
    expect(studentTwoSidedTail(-2, 3)).toBe(studentTwoSidedTail(2, 3));
  });

  it.each([
    [0.95, 10, 2.228139],
    [0.99, 10, 3.169273],
    [0.8, 4, 1.533206],
    [0.95, 1, 12.7062],
  ])('quantile at coverage %f with dof %f is %f', (coverage, dof, q) => {
    expect(studentTwoSidedQuantile(coverage, dof)).toBeCloseTo(q, 4);
  });
});
