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

export const seasonalNaive: PointModel<SeasonalNaiveState> = {
  name: SEASONAL_NAIVE,
  fit(values, period) {
    const m = Math.max(1, Math.min(period ?? 1, values.length));
    return { ring: values.slice(values.length - m), oldest: 0 };
  },
  update(state, value) {
    const ring = state.ring.slice();
    ring[state.oldest] = value;
    return { ring, oldest: (state.oldest + 1) % ring.length };
  },
  predict(state, steps) {
    const m = state.ring.length;
    const out: number[] = [];
    for (let h = 1; h <= steps; h += 1) out.push(state.ring[(state.oldest + h - 1) % m] as number);
    return out;
  },
};
