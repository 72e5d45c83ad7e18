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

type Constants = Pick<EtsState, 'alpha' | 'beta' | 'gamma' | 'phi'>;

function step(state: EtsState, value: number): { state: EtsState; error: number } {
  const { alpha, beta, gamma, phi, level, trend, seasonal, phase } = state;
  const m = seasonal.length;
  const s = m === 0 ? 0 : (seasonal[phase] as number);
  const error = value - (level + phi * trend + s);
  const nextLevel = level + phi * trend + alpha * error;
  const nextTrend = phi * trend + alpha * beta * error;
  let nextSeasonal = seasonal;
  if (m > 0) {
    nextSeasonal = seasonal.slice();
    nextSeasonal[phase] = s + gamma * (1 - alpha) * error;
  }
  return {
    state: {
      ...state,
      level: nextLevel,
      trend: nextTrend,
      seasonal: nextSeasonal,
      phase: m === 0 ? 0 : (phase + 1) % m,
    },
    error,
  };
}

function initial(values: readonly number[], period: number | null, constants: Constants): EtsState {
  const seasonal = period !== null && values.length >= 2 * period ? seasonalIndices(values, period) : [];
  const m = Math.max(1, seasonal.length);
  const first = values.slice(0, Math.min(values.length, m));
  const level = first.reduce((a, v, t) => a + v - (seasonal[t] ?? 0), 0) / first.length;
  return { ...constants, level, trend: 0, seasonal, phase: 0 };
}

/** Runs the model over `values`, returning the final state and the one-step squared error. */
function run(values: readonly number[], start: EtsState): { state: EtsState; sse: number } {
  let state = start;
  let sse = 0;
  for (const value of values) {
    const next = step(state, value);
    state = next.state;
    sse += next.error * next.error;
  }
  return { state, sse };
}

export const ets: PointModel<EtsState> = {
  name: ETS,
  fit(values, period) {
    let best: { state: EtsState; sse: number } | null = null;
    for (const alpha of GRID.alpha)
      for (const beta of GRID.beta)
        for (const gamma of GRID.gamma)
          for (const phi of GRID.phi) {
            const result = run(values, initial(values, period, { alpha, beta, gamma, phi }));
            if (best === null || result.sse < best.sse) best = result;
          }
    return (best as { state: EtsState }).state;
  },
  update(state, value) {
    return step(state, value).state;
  },
  predict(state, steps) {
    const m = state.seasonal.length;
    const out: number[] = [];
    let damped = 0;
    for (let h = 1; h <= steps; h += 1) {
      damped += state.phi ** h;
      const s = m === 0 ? 0 : (state.seasonal[(state.phase + h - 1) % m] as number);
      out.push(state.level + damped * state.trend + s);
    }
    return out;
  },
};
