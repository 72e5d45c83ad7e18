/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000, in Hyndman & Billah's form):
 * simple exponential smoothing of the deseasonalised series plus half its linear trend,
 * reseasonalised. Cheap, and in the M3 competition hard to beat.
 */
import { linearSlope, seasonalIndices } from './decomposition.js';
import type { PointModel } from './forecaster.js';

export const THETA = 'theta';

export interface ThetaState {
  alpha: number;
  level: number;
  /** Half of this per-step slope is added per step ahead (the θ=2 line's contribution). */
  slope: number;
  /** Additive seasonal indices by phase (empty when the series has no season). */
  seasonal: number[];
  /** Phase of the next observation. */
  phase: number;
}

const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1];

/** Level after smoothing `values` with `alpha`, and the sum of squared one-step errors. */
export function smooth(values: readonly number[], alpha: number): { level: number; sse: number } {
  let level = values[0] as number;
  let sse = 0;
  for (let t = 1; t < values.length; t += 1) {
    const error = (values[t] as number) - level;
    sse += error * error;
    level += alpha * error;
  }
  return { level, sse };
}

/** The smoothing constant (from a fixed grid) with the least one-step squared error. */
export function bestAlpha(values: readonly number[]): { alpha: number; level: number } {
  let best = { alpha: 1, level: values[values.length - 1] as number, sse: Infinity };
  for (const alpha of ALPHAS) {
    const run = smooth(values, alpha);
    if (run.sse < best.sse) best = { alpha, ...run };
  }
  return { alpha: best.alpha, level: best.level };
}

function seasonalAt(seasonal: readonly number[], phase: number): number {
  return seasonal.length === 0 ? 0 : (seasonal[phase % seasonal.length] as number);
}

function thetaAt(state: ThetaState, h: number): number {
  const drift = (state.slope / 2) * (h - 1 + 1 / state.alpha);
  return state.level + drift + seasonalAt(state.seasonal, state.phase + h - 1);
}

export const theta: PointModel<ThetaState> = {
  name: THETA,
  fit(values, period) {
    const seasonal = period !== null && values.length >= 2 * period ? seasonalIndices(values, period) : [];
    const adjusted = values.map((v, t) => v - seasonalAt(seasonal, t));
    const { alpha, level } = bestAlpha(adjusted);
    const phase = seasonal.length === 0 ? 0 : values.length % seasonal.length;
    return { alpha, level, slope: linearSlope(adjusted), seasonal, phase };
  },
  update(state, value) {
    state.level += state.alpha * (value - seasonalAt(state.seasonal, state.phase) - state.level);
    state.phase = state.seasonal.length === 0 ? 0 : (state.phase + 1) % state.seasonal.length;
    return state;
  },
  predict(state, steps) {
    // A loop, not Array.from: the breach walk asks for whole paths every step of every series.
    const out = new Array<number>(steps);
    for (let h = 1; h <= steps; h += 1) out[h - 1] = thetaAt(state, h);
    return out;
  },
  predictAt(state, horizons) {
    return horizons.map((h) => thetaAt(state, h));
  },
};
