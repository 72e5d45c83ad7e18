import { describe, expect, it } from 'vitest';
import { seededGaussian } from '../anomaly/synthetic-series.js';
import { forecasters } from '../registry.js';
import { breachPredictor, createBreachState, firstPassage, observeOutcome } from './breach-predictor.js';
import { fitBreach, step, type BreachWalk } from './breach-walk.js';
import { BIN_EDGES } from './calibration.js';

// A daily season of 24 steps whose peaks, at phase 6, cross the threshold for phases 4..8:
// every crossing time is known in advance.
const PERIOD = 24;
const THRESHOLD = 108.5;
const wave = (t: number): number => 100 + 10 * Math.sin((2 * Math.PI * t) / PERIOD);

function walkTo(end: number): BreachWalk {
  const forecaster = forecasters.median_combination();
  const predictor = breachPredictor();
  const history = Array.from({ length: 24 * 20 }, (_, t) => wave(t));
  let walk = fitBreach(forecaster, predictor, history, { threshold: THRESHOLD, horizons: [3, 12] });
  for (let t = history.length; t <= end; t += 1) walk = step(forecaster, predictor, walk, wave(t));
  return walk;
}

describe('breach prediction on a series crossing its threshold at known times', () => {
  // 480 = 20 cycles; the value at 480 + 4 is the next to cross (sin at phase 4 = 0.866).
  it('is near certain just before a crossing and near zero just after one', () => {
    const before = walkTo(24 * 20 + 1).prediction; // crossing 3 steps ahead
    expect(before.probability[0]).toBeGreaterThan(0.9);
    expect(before.probability[1]).toBeGreaterThan(0.9);
    const after = walkTo(24 * 20 + 9).prediction; // next crossing 19 steps ahead
    expect(after.probability[0]).toBeLessThan(0.05);
    expect(after.probability[1]).toBeLessThan(0.05);
  });

  it('tells the time to the next crossing', () => {
    expect(walkTo(24 * 20 + 1).prediction.stepsToBreach).toBe(3);
    expect(walkTo(24 * 20 + 17).prediction.stepsToBreach).toBe(11);
    // The next crossing is 13 steps away, past the longest horizon (12).
    expect(walkTo(24 * 20 + 15).prediction.stepsToBreach).toBeNull();
  });

  it('says more for "within the horizon" than the horizon end alone', () => {
    // From phase 1, the peak is 5 steps ahead and over by step 12 (phase 13).
    const walk = walkTo(24 * 20 + 1);
    const atEnd = forecasters.median_combination().exceedanceAt(walk.forecast, [12], THRESHOLD)[0] as number;
    expect(atEnd).toBeLessThan(0.05);
    expect(walk.prediction.raw[1]).toBeGreaterThan(0.9);
  });
});

describe('breach prediction on a slow burn', () => {
  // Noisy and level at 10 for 400 steps, then a climb of 0.02 a step towards a threshold of
  // 14: after 150 steps of it the value is 13, and 60 more steps would take it over.
  const gaussian = seededGaussian(3);
  const values = Array.from(
    { length: 550 },
    (_, t) => 10 + 0.3 * gaussian() + (t < 400 ? 0 : 0.02 * (t - 400)),
  );

  function probabilityAtEnd(climbWindow: number): number {
    const forecaster = forecasters.median_combination();
    const predictor = breachPredictor();
    let walk = fitBreach(forecaster, predictor, values.slice(0, 400), {
      threshold: 14,
      horizons: [60],
      climbWindow,
    });
    for (const value of values.slice(400)) walk = step(forecaster, predictor, walk, value);
    return walk.prediction.probability[0] as number;
  }

  it('sees the breach the climb leads to, which the level alone does not', () => {
    expect(probabilityAtEnd(0)).toBeLessThan(0.5);
    expect(probabilityAtEnd(180)).toBeGreaterThan(0.8);
  });
});

describe('breach state', () => {
  it('resolves a prediction after its horizon with whether any value in between breached', () => {
    const predictor = breachPredictor();
    const said = (raw: number) => ({ probability: [raw], raw: [raw], stepsToBreach: null });
    const total = (of: 'count' | 'hits'): number =>
      BIN_EDGES.slice(1).reduce((sum, _, b) => sum + state.calibration[of](0, b), 0);
    let state = createBreachState(10, [2]);
    state = predictor.record(state, said(0.3)); // said before the first value
    state = observeOutcome(state, 11); // a breach, 1 step after
    expect(total('count')).toBe(0);
    state = predictor.record(state, said(0.6)); // said after the breach
    state = observeOutcome(state, 5); // the first prediction's 2 steps are over: breached
    expect(total('count')).toBe(1);
    expect(total('hits')).toBe(1);
    state = predictor.record(state, said(0.1));
    state = observeOutcome(state, 5); // the second's 2 steps (5, 5) stayed below
    expect(total('count')).toBe(2);
    expect(total('hits')).toBe(1);
  });

  it('takes the first passage as the likeliest step, reflected', () => {
    expect(firstPassage([0.1, 0.5, 0.2], [1, 3])).toEqual([1 - 0.9 ** 2, 1 - 0.5 ** 2]);
  });

  it('rejects a non-finite threshold and fractional horizons', () => {
    expect(() => createBreachState(NaN, [1])).toThrow(/threshold must be a finite number/);
    expect(() => createBreachState(1, [1.5])).toThrow(/horizons must be whole steps/);
    expect(() => breachPredictor({ prior: 0 })).toThrow(/prior must be > 0/);
  });
});
