/**
 * Seasonal naive: the forecast for t+h is the value one season before it (the last value
 * when the series has no season). The baseline every other forecaster must beat.
 */
import type { PointModel } from './forecaster.js';

export const SEASONAL_NAIVE = 'seasonal_naive';

export interface SeasonalNaiveState {
  /** The last `period` values as a ring; `oldest` indexes the value one period back. */
  ring: number[];
  oldest: number;
}

function at(state: SeasonalNaiveState, h: number): number {
  return state.ring[(state.oldest + h - 1) % state.ring.length] as number;
}

export const seasonalNaive: PointModel<SeasonalNaiveState> = {
  name: SEASONAL_NAIVE,
  fit(values, period) {
    const m = Math.max(1, Math.min(period ?? 1, values.length));
    return { ring: values.slice(values.length - m), oldest: 0 };
  },
  update(state, value) {
    state.ring[state.oldest] = value;
    state.oldest = (state.oldest + 1) % state.ring.length;
    return state;
  },
  predict(state, steps) {
    // A loop, not Array.from: the breach walk asks for whole paths every step of every series.
    const out = new Array<number>(steps);
    for (let h = 1; h <= steps; h += 1) out[h - 1] = at(state, h);
    return out;
  },
  predictAt(state, horizons) {
    return horizons.map((h) => at(state, h));
  },
};
