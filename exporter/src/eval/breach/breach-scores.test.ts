import { describe, expect, it } from 'vitest';
import {
  baseRate,
  brier,
  brierSkill,
  expectedCalibrationError,
  reliability,
  type Scored,
} from './breach-scores.js';
import { tallyEvents } from './breach-events.js';

const said = (probability: number, breached: boolean): Scored => ({ probability, breached });

describe('Brier score and skill', () => {
  it('is 0 for certainty that comes true, and the base rate scores 0 skill', () => {
    expect(brier([said(1, true), said(0, false)])).toBe(0);
    const points = [said(0.25, true), said(0.25, false), said(0.25, false), said(0.25, false)];
    expect(baseRate(points)).toBe(0.25);
    expect(brierSkill(points)).toBeCloseTo(0, 12);
    expect(brierSkill([said(0.9, true), said(0.1, false)])).toBeCloseTo(1 - 0.01 / 0.25, 12);
  });
});

describe('reliability', () => {
  it('bins by the probability said and weighs the calibration error by count', () => {
    const points = [said(0.05, false), said(0.05, false), said(0.85, true), said(0.85, false)];
    const table = reliability(points);
    expect(table[0]).toMatchObject({ count: 2, meanProbability: 0.05, observed: 0 });
    expect(table[8]).toMatchObject({ count: 2, meanProbability: 0.85, observed: 0.5 });
    expect(expectedCalibrationError(table)).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.35, 12);
  });
});

describe('tallyEvents', () => {
  // Breach starts at index 10; the alert comes on at 4 (6 steps ahead) and a false one at 20.
  const values = Array.from({ length: 40 }, (_, i) => (i >= 10 && i < 13 ? 5 : 0));
  const probability = values.map((_, i) => (i >= 4 && i <= 11 ? 0.9 : i === 20 ? 0.95 : 0.1));
  const tally = tallyEvents({ values, probability, threshold: 1, horizon: 12 }, 0.8, [0, 6, 12]);

  it('catches the event at leads up to how early the alert came', () => {
    expect(tally.events).toBe(1);
    expect(tally.caught.get(0)).toBe(1);
    expect(tally.caught.get(6)).toBe(1);
    expect(tally.caught.get(12)).toBe(0);
  });

  it('counts an alert with no breach in the horizon after it as a false alarm', () => {
    expect(tally.falseAlarms).toBe(1);
  });
});
