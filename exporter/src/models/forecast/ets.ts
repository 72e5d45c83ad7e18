/**
 * ETS(A,Ad,A): additive errors, damped additive trend, additive season (Holt-Winters with
 * Gardner's damping), smoothing constants chosen from a small grid by one-step squared error.
 *
 * Written here rather than taken from augurs: augurs' ETS and MSTL can only fit and predict,
 * and Omen must move 10 000 series one observation per cycle without refitting each one.
 */
import { seasonalIndices } from './decomposition.js';
import type { PointModel } from './forecaster.js';

export const ETS = 'ets';

export interface EtsState {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  trend: number;
  /** Seasonal terms by phase (empty when the series has no season). */
  seasonal: number[];
  /** Phase of the next observation. */
  phase: number;
}

const GRID = {
  alpha: [0.05, 0.2, 0.5, 0.9],
  beta: [0, 0.05],
  gamma: [0.01, 0.1],
  phi: [0.9, 0.98],
};

/** One observation through the model, in place; returns the one-step error. */
function step(state: EtsState, value: number): number {
  const { alpha, beta, gamma, phi, level, trend, seasonal, phase } = state;
  const m = seasonal.length;
  const s = m === 0 ? 0 : (seasonal[phase] as number);
  const error = value - (level + phi * trend + s);
  state.level = level + phi * trend + alpha * error;
  state.trend = phi * trend + alpha * beta * error;
  if (m > 0) {
    seasonal[phase] = s + gamma * (1 - alpha) * error;
    state.phase = (phase + 1) % m;
  }
  return error;
}

// φ comes from a grid of two values, and the breach walk asks for dozens of horizons of
// every series at every step: each sum is worked out once (a power per call was the cost).
const dampedSums = new Map<number, number[]>();

/** Σ φ^k for k = 1..h: how much of the trend h steps ahead carries. */
function dampedSum(phi: number, h: number): number {
  let sums = dampedSums.get(phi);
  if (!sums) dampedSums.set(phi, (sums = [0]));
  for (let k = sums.length; k <= h; k += 1) sums.push(phi === 1 ? k : (phi * (1 - phi ** k)) / (1 - phi));
  return sums[h] as number;
}

function etsAt(state: EtsState, h: number): number {
  const m = state.seasonal.length;
  const s = m === 0 ? 0 : (state.seasonal[(state.phase + h - 1) % m] as number);
  return state.level + dampedSum(state.phi, h) * state.trend + s;
}

/** Starting level and season, the same for every grid point (each run gets its own copy). */
function initial(values: readonly number[], period: number | null): Pick<EtsState, 'level' | 'seasonal'> {
  const seasonal = period !== null && values.length >= 2 * period ? seasonalIndices(values, period) : [];
  const m = Math.max(1, seasonal.length);
  const first = values.slice(0, Math.min(values.length, m));
  const level = first.reduce((a, v, t) => a + v - (seasonal[t] ?? 0), 0) / first.length;
  return { level, seasonal };
}

/** Runs the model over `values` from `start` (edited in place); returns the one-step squared error. */
function run(values: readonly number[], start: EtsState): { state: EtsState; sse: number } {
  let sse = 0;
  for (const value of values) sse += step(start, value) ** 2;
  return { state: start, sse };
}

export const ets: PointModel<EtsState> = {
  name: ETS,
  fit(values, period) {
    const { level, seasonal } = initial(values, period);
    let best: { state: EtsState; sse: number } | null = null;
    for (const alpha of GRID.alpha)
      for (const beta of GRID.beta)
        for (const gamma of GRID.gamma)
          for (const phi of GRID.phi) {
            const start = { alpha, beta, gamma, phi, level, trend: 0, seasonal: seasonal.slice(), phase: 0 };
            const result = run(values, start);
            if (best === null || result.sse < best.sse) best = result;
          }
    return (best as { state: EtsState }).state;
  },
  update(state, value) {
    step(state, value);
    return state;
  },
  predict(state, steps) {
    // The damped sum built step by step: φ^h per step was the costliest line here.
    const m = state.seasonal.length;
    const out = new Array<number>(steps);
    let damped = 0;
    let power = 1;
    for (let h = 1; h <= steps; h += 1) {
      power *= state.phi;
      damped += power;
      const s = m === 0 ? 0 : (state.seasonal[(state.phase + h - 1) % m] as number);
      out[h - 1] = state.level + damped * state.trend + s;
    }
    return out;
  },
  predictAt(state, horizons) {
    return horizons.map((h) => etsAt(state, h));
  },
};
