/**
 * Moves a tail-ensemble state one point forward in time: a point not newer than the last
 * is refused, a gap longer than the typical spacing becomes missing points (NaN), so the
 * season's lag still lands on the same phase.
 */
import type { TimedValue } from '../types.js';
import type { Ring } from './ring.js';
import type { TailEnsembleState } from './tail-ensemble-state.js';

/** Spacings the typical step is the median of: a lasting change of interval is adopted after a few. */
export const STEP_MEMORY = 9;
/** A spacing this many typical steps long or more holds missing points. */
const GAP_FACTOR = 1.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The mean of the `levelWindow` values from `age` back (NaN when that is mostly gap). */
export function levelAt(values: Ring, age: number, levelWindow: number): number {
  // A mean over fewer than half its window is mostly gap: no level to compare.
  return values.meanBack(age, levelWindow);
}

function pushPoint(state: TailEnsembleState, value: number): void {
  state.values.push(value);
  state.points += 1;
  if (!Number.isNaN(value)) state.observed += 1;
}

/**
 * Returns how many points were pushed: 0 (and the state untouched) for a point not newer
 * than the last one, more than 1 when a gap was filled with missing points.
 */
export function advance(state: TailEnsembleState, point: TimedValue): number {
  const { timestampMs } = point;
  if (state.lastMs !== null && !(timestampMs > state.lastMs)) return 0;
  let pushed = 1;
  if (state.lastMs !== null) {
    const spacing = timestampMs - state.lastMs;
    if (state.stepMs !== null && spacing >= GAP_FACTOR * state.stepMs) {
      const missing = Math.min(Math.round(spacing / state.stepMs) - 1, state.values.capacity);
      for (let i = 0; i < missing; i += 1) pushPoint(state, NaN);
      pushed += missing;
    }
    state.steps.push(spacing);
    if (state.steps.length > STEP_MEMORY) state.steps.shift();
    state.stepMs = median(state.steps);
  }
  pushPoint(state, Number.isFinite(point.value) ? point.value : NaN);
  state.lastMs = timestampMs;
  return pushed;
}
