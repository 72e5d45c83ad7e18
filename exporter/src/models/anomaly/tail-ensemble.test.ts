import { describe, expect, it } from 'vitest';
import type { AnomalyResult, DetectionContext } from '../types.js';
import { seededGaussian } from './synthetic-series.js';
import { createTailEnsembleDetector } from './tail-ensemble.js';

const AUTO: DetectionContext = { seasonMs: null, detectSeason: true };
/** A signal configured with `season: none`: no season is configured or looked for. */
const NONE: DetectionContext = { seasonMs: null, detectSeason: false };
const STEP = 15_000;

/** Scores `values` on a 15 s grid (or the given timestamps) from a fresh state. */
function run(values: readonly number[], context = AUTO, params = {}, timestamps?: readonly number[]) {
  const detector = createTailEnsembleDetector(params);
  const state = detector.init();
  const results = values.map((value, i) =>
    detector.update(state, { timestampMs: timestamps?.[i] ?? i * STEP, value }, context),
  );
  return { detector, state, results };
}

const noise = (n: number, seed = 1, level = 100, sd = 3): number[] => {
  const gaussian = seededGaussian(seed);
  return Array.from({ length: n }, () => level + sd * gaussian());
};

const score = (r: AnomalyResult | null | undefined): number => r?.score ?? NaN;

describe('tail_ensemble', () => {
  it('warms up first: no score before minPoints points of history, and it says so', () => {
    const { results } = run(noise(30), AUTO, { minPoints: 20 });
    expect(results.slice(0, 20).every((r) => r?.warming && r.score === 0)).toBe(true);
    expect(results[5]?.explanation).toMatch(/warming up: 5\/20/);
    expect(results[25]?.warming).toBe(false);
  });

  it('flags a spike and a dip in noise, with their kind and the component that saw them', () => {
    const values = noise(800);
    values[600] = 140;
    values[700] = 60;
    const { results } = run(values);
    expect(score(results[600])).toBeGreaterThan(0.999);
    expect(results[600]?.kind).toBe('spike');
    expect(results[600]?.explanation).toMatch(/^(value|change from the previous point) 140/);
    expect(score(results[700])).toBeGreaterThan(0.999);
    expect(results[700]?.kind).toBe('dip');
    const quiet = results.slice(300, 590).filter((r) => score(r) >= 0.999).length;
    expect(quiet).toBeLessThanOrEqual(2);
  });

  it('re-baselines after a sustained level shift instead of alarming forever', () => {
    const values = noise(1600).map((v, i) => (i >= 1000 ? v + 30 : v));
    const { results } = run(values);
    expect(Math.max(...results.slice(1000, 1005).map(score))).toBeGreaterThan(0.999);
    const later = results.slice(1200, 1600).filter((r) => score(r) >= 0.995).length;
    expect(later / 400).toBeLessThan(0.03);
  });

  it('finds the season itself and flags a flat stretch where the cycle should be', () => {
    const gaussian = seededGaussian(4);
    const season = 96;
    const values = Array.from(
      { length: season * 20 },
      (_, i) => 50 + 20 * Math.sin((2 * Math.PI * i) / season) + gaussian(),
    );
    // At the crest of the 16th cycle the series goes flat at its mean: every value is an
    // ordinary one, only its place in the cycle is wrong.
    const from = season * 16 + 12;
    for (let i = from; i < from + 24; i += 1) values[i] = 50 + gaussian() * 0.1;
    const { state, results } = run(values);
    expect(state.period).toBe(season);
    const stretch = results.slice(from, from + 24);
    const top = stretch.reduce((a, b) => (score(b) > score(a) ? b : a));
    expect(score(top)).toBeGreaterThan(0.999);
    expect(top?.kind).toBe('pattern_deviation');
  });

  it('uses the configured season, converted to points by the sampling interval', () => {
    const values = Array.from({ length: 600 }, (_, i) => Math.sin((2 * Math.PI * i) / 40));
    const { state } = run(values, { seasonMs: 40 * STEP, detectSeason: false });
    expect(state.period).toBe(40);
    const none = run(values, { seasonMs: null, detectSeason: false });
    expect(none.state.period).toBeNull();
  });

  it('keeps the season aligned across missing points', () => {
    const season = 48;
    const times: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < season * 30; i += 1) {
      if (i >= season * 20 && i < season * 20 + 7) continue; // a 7-point gap
      times.push(i * STEP);
      values.push(10 * Math.sin((2 * Math.PI * i) / season));
    }
    const { state, results } = run(values, { seasonMs: season * STEP, detectSeason: false }, {}, times);
    expect(state.period).toBe(season);
    const after = results.slice(-season * 5);
    expect(after.filter((r) => score(r) >= 0.995)).toHaveLength(0);
  });

  it('treats a flat series calmly and its first change as news', () => {
    const values = new Array<number>(400).fill(0);
    values[350] = 1;
    const { results } = run(values);
    expect(results.slice(100, 350).every((r) => score(r) < 0.5)).toBe(true);
    expect(score(results[350])).toBeGreaterThan(0.999);
  });

  it('damps detections right after a strong one (one incident, one detection)', () => {
    const values = noise(900);
    values[700] = 150;
    values[720] = 150;
    const alone = noise(900);
    alone[720] = 150;
    const { results } = run(values);
    expect(score(results[720])).toBeLessThan(score(run(alone).results[720]));
    expect(results[720]?.explanation).toMatch(/damped/);
  });

  it('continues exactly where it left off after encode → JSON → decode', () => {
    const values = noise(1500, 9).map((v, i) => v + 5 * Math.sin(i / 20));
    const whole = run(values).results.map(score);
    const detector = createTailEnsembleDetector();
    const first = detector.init();
    values
      .slice(0, 900)
      .forEach((value, i) => detector.update(first, { timestampMs: i * STEP, value }, AUTO));
    const restored = detector.decode(JSON.parse(JSON.stringify(detector.encode(first))));
    const resumed = values
      .slice(900)
      .map((value, i) => score(detector.update(restored, { timestampMs: (900 + i) * STEP, value }, AUTO)));
    expect(resumed).toEqual(whole.slice(900));
  });

  it('slides every window to exactly what a rebuild from the ring holds, gaps and a season included', () => {
    const params = { history: 200 };
    const values = noise(1200, 4).map((v, i) => v + 10 * Math.sin((2 * Math.PI * i) / 24));
    // A gap of 3 missing points at 700: the windows are rebuilt there, then slide again.
    const timestamps = values.map((_, i) => (i < 700 ? i : i + 3) * STEP);
    const { detector, state } = run(values, AUTO, params, timestamps);
    expect(state.period).toBe(24);
    const rebuilt = detector.decode(JSON.parse(JSON.stringify(detector.encode(state))));
    const next = { timestampMs: (values.length + 3) * STEP, value: 100 };
    detector.update(state, next, AUTO);
    detector.update(rebuilt, next, AUTO);
    const contents = (s: typeof state) => s.windows.map((w) => (w ? w.values() : null));
    expect(contents(state)).toEqual(contents(rebuilt));
    expect(state.windows.every((w) => w?.size === 200)).toBe(true);
  });

  it('slides its windows exactly on the smaller ring of a series that can have no season', () => {
    const values = noise(1200, 6);
    const { detector, state } = run(values, NONE, { history: 200, levelWindow: 48 });
    expect(state.values.capacity).toBe(200 + 48 + 1);
    const rebuilt = detector.decode(JSON.parse(JSON.stringify(detector.encode(state))));
    const next = { timestampMs: values.length * STEP, value: 100 };
    detector.update(state, next, NONE);
    detector.update(rebuilt, next, NONE);
    const contents = (s: typeof state) => s.windows.map((w) => (w ? w.values() : null));
    expect(contents(state)).toEqual(contents(rebuilt));
    expect(state.windows.slice(0, 3).every((w) => w?.size === 200)).toBe(true);
  });

  it('takes back a state saved with room for a season into a series that has none, and scores on', () => {
    const values = noise(2600, 12);
    const whole = run(values, NONE).results.map(score);
    const detector = createTailEnsembleDetector();
    const first = detector.init();
    values
      .slice(0, 2300)
      .forEach((value, i) => detector.update(first, { timestampMs: i * STEP, value }, AUTO));
    expect(first.values.capacity).toBe(2016 + 1008 + 2);
    const restored = detector.decode(JSON.parse(JSON.stringify(detector.encode(first))));
    const resumed = values
      .slice(2300)
      .map((value, i) => score(detector.update(restored, { timestampMs: (2300 + i) * STEP, value }, NONE)));
    expect(restored.values.capacity).toBe(2016 + 48 + 1);
    expect(resumed).toEqual(whole.slice(2300));
  });

  it('holds a season window only while a season is known', () => {
    expect(run(noise(500)).state.windows[3]).toBeNull();
    const seasonal = noise(500).map((v, i) => v + 10 * Math.sin((2 * Math.PI * i) / 24));
    expect(run(seasonal).state.windows[3]?.size).toBeGreaterThan(0);
  });

  it('refuses a state made with another history length, and a foreign one', () => {
    const small = createTailEnsembleDetector({ history: 200 });
    const state = small.encode(small.init());
    expect(() => createTailEnsembleDetector().decode(state)).toThrow(/another history length/);
    expect(() => small.decode({ version: 99 })).toThrow(/version/);
  });

  it('ignores a point that is not newer than the last one', () => {
    const detector = createTailEnsembleDetector();
    const state = detector.init();
    detector.update(state, { timestampMs: 1000, value: 1 }, AUTO);
    expect(detector.update(state, { timestampMs: 1000, value: 5 }, AUTO)).toBeNull();
    expect(detector.update(state, { timestampMs: 500, value: 5 }, AUTO)).toBeNull();
    expect(state.observed).toBe(1);
  });

  it('validates its parameters once, naming the key', () => {
    expect(() => createTailEnsembleDetector({ history: 10 })).toThrow(
      /history must be an integer between 100/,
    );
    expect(() => createTailEnsembleDetector({ nope: 1 } as never)).toThrow(/unknown parameter "nope"/);
  });
});
