import { describe, expect, it } from 'vitest';
import { coverage, driftReason, newLiveQuality, recentError, scoreStep } from './drift.js';

const band = { point: 10, lower_80: 9, upper_80: 11, lower_95: 8, upper_95: 12 };
const SETTINGS = { factor: 2, minSteps: 10 };

describe('live quality and drift', () => {
  it('scores each step against its published band', () => {
    const quality = newLiveQuality();
    for (const value of [10, 10.5, 11.5, 13, 9]) scoreStep(quality, value, band, 10);
    expect(quality.steps).toBe(5);
    expect(quality.errorSum).toBeCloseTo(0 + 0.5 + 1.5 + 3 + 1);
    expect(coverage(quality)).toEqual({ level80: 3 / 5, level95: 4 / 5 });
    expect(coverage(newLiveQuality())).toEqual({ level80: null, level95: null });
    // A NaN value (a step with no samples) is not scored.
    scoreStep(quality, Number.NaN, band, 10);
    expect(quality.steps).toBe(5);
  });

  it('averages recent errors without a start-up bias', () => {
    const quality = newLiveQuality();
    scoreStep(quality, 12, band, 10);
    expect(recentError(quality)).toBeCloseTo(2);
    for (let i = 0; i < 50; i += 1) scoreStep(quality, 10.5, band, 10);
    expect(recentError(quality)).toBeCloseTo(0.5, 3);
    expect(recentError(newLiveQuality())).toBeNull();
  });

  it('calls drift once the recent error exceeds the training error by the factor, after minSteps', () => {
    const quality = newLiveQuality();
    for (let i = 0; i < 9; i += 1) scoreStep(quality, 13, band, 10);
    // Error 3 against a training error of 1, but only 9 steps scored.
    expect(driftReason(quality, 1, SETTINGS)).toBeNull();
    scoreStep(quality, 13, band, 10);
    expect(driftReason(quality, 1, SETTINGS)).toBe(
      'recent one-step error 3.00 is 3.0× the error at training (1.00; drift factor 2)',
    );
    expect(driftReason(quality, 1.6, SETTINGS)).toBeNull();
    expect(driftReason(quality, null, SETTINGS)).toBeNull();
    // Factor 0 turns drift detection off.
    expect(driftReason(quality, 1, { ...SETTINGS, factor: 0 })).toBeNull();
  });

  it('treats any error after a flat training history as drift', () => {
    const quality = newLiveQuality();
    for (let i = 0; i < 10; i += 1) scoreStep(quality, 10.1, band, 10);
    expect(driftReason(quality, 0, SETTINGS)).toMatch(/is above zero, unlike the error at training \(0\.00/);
    const exact = newLiveQuality();
    for (let i = 0; i < 10; i += 1) scoreStep(exact, 10, band, 10);
    expect(driftReason(exact, 0, SETTINGS)).toBeNull();
  });
});
