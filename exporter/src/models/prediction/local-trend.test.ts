import { describe, expect, it } from 'vitest';
import { seededGaussian } from '../anomaly/synthetic-series.js';
import { createRecentValues, pushRecent, supportedClimb } from './local-trend.js';

function recentOf(values: number[], window: number) {
  const recent = createRecentValues(window);
  for (const value of values) pushRecent(recent, value);
  return recent;
}

describe('supportedClimb', () => {
  it('is the slope of a clean ramp, whichever slot of the ring holds the oldest value', () => {
    const ramp = Array.from({ length: 250 }, (_, t) => 3 + 0.5 * t);
    expect(supportedClimb(recentOf(ramp, 60))).toBeCloseTo(0.5, 9);
    expect(supportedClimb(recentOf(ramp.slice(0, 37), 60))).toBeCloseTo(0.5, 9);
  });

  it('is 0 on noise, on a fall and on too few values', () => {
    const gaussian = seededGaussian(11);
    expect(
      supportedClimb(
        recentOf(
          Array.from({ length: 180 }, () => 10 + gaussian()),
          180,
        ),
      ),
    ).toBe(0);
    expect(
      supportedClimb(
        recentOf(
          Array.from({ length: 50 }, (_, t) => 100 - t),
          60,
        ),
      ),
    ).toBe(0);
    expect(supportedClimb(recentOf([1, 2, 3, 4, 5], 60))).toBe(0);
  });

  it('counts only the part of a noisy climb the data support', () => {
    const gaussian = seededGaussian(5);
    const climb = supportedClimb(
      recentOf(
        Array.from({ length: 180 }, (_, t) => 0.02 * t + gaussian()),
        180,
      ),
    );
    expect(climb).toBeGreaterThan(0.01);
    expect(climb).toBeLessThan(0.02);
  });
});
