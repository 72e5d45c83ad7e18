import { describe, expect, it } from 'vitest';
import { addOutcome, binOf, calibrate, createCalibration, isotonic } from './calibration.js';

describe('isotonic', () => {
  it('pools adjacent violators into their weighted mean', () => {
    expect(isotonic([0.1, 0.3, 0.2, 0.4], [1, 1, 1, 1])).toEqual([0.1, 0.25, 0.25, 0.4]);
    for (const v of isotonic([0.5, 0.1, 0.1], [2, 1, 1])) expect(v).toBeCloseTo(0.3, 12);
  });

  it('leaves a non-decreasing sequence alone', () => {
    expect(isotonic([0, 0.2, 0.2, 0.9], [3, 1, 4, 1])).toEqual([0, 0.2, 0.2, 0.9]);
  });
});

describe('calibrate', () => {
  it('says the raw probability while nothing has been seen', () => {
    const state = createCalibration();
    expect(calibrate(state, 0.42, 20)).toBeCloseTo(0.45, 9); // centre of the 0.4–0.5 bin
  });

  it('learns that a raw 0.3 breached 9 times in 10', () => {
    let state = createCalibration();
    for (let i = 0; i < 1000; i += 1) state = addOutcome(state, 0.3, i % 10 !== 0);
    // 900 of 1000 plus 20 pseudo-outcomes at 0.3, pooled with the (empty) bins above it.
    expect(calibrate(state, 0.31, 20)).toBeGreaterThan(0.85);
    // Monotone: a higher raw probability, never seen, is not said to be less likely.
    expect(calibrate(state, 0.6, 20)).toBeGreaterThanOrEqual(calibrate(state, 0.31, 20));
  });

  it('shrinks a bin with few outcomes towards its raw probability', () => {
    let state = createCalibration();
    state = addOutcome(state, 0.05, true);
    const p = calibrate(state, 0.05, 20);
    expect(p).toBeGreaterThan(0.05);
    expect(p).toBeLessThan(0.15);
  });

  it('bins 1 into the last bin', () => {
    expect(binOf(1)).toBe(binOf(0.99));
  });
});
