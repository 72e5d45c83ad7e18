/**
 * The median of several point models' forecasts, step by step. Combinations of simple
 * methods beat each member on average (the main lesson of M3 and M4), and the median, unlike
 * the mean, ignores the one member that has run away.
 */
import { ets } from './ets.js';
import type { PointModel } from './forecaster.js';
import { seasonalNaive } from './seasonal-naive.js';
import { theta } from './theta.js';

export const MEDIAN_COMBINATION = 'median_combination';

export interface CombinationState {
  members: unknown[];
}

function middle(values: number[]): number {
  if (values.length === 3) {
    // The common case, without a sort: max(min(a, b), min(max(a, b), c)).
    const [a, b, c] = values as [number, number, number];
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The members' paths combined step by step. */
function medianPath(paths: readonly number[][]): number[] {
  const steps = paths[0]?.length ?? 0;
  const out = new Array<number>(steps);
  const column = new Array<number>(paths.length);
  for (let h = 0; h < steps; h += 1) {
    for (let k = 0; k < paths.length; k += 1) column[k] = (paths[k] as number[])[h] as number;
    out[h] = middle(column);
  }
  return out;
}

export function medianOf(
  name: string,
  members: readonly PointModel<unknown>[],
): PointModel<CombinationState> {
  return {
    name,
    fit: (values, period) => ({ members: members.map((m) => m.fit(values, period)) }),
    update(state, value) {
      members.forEach((m, i) => (state.members[i] = m.update(state.members[i], value)));
      return state;
    },
    predict(state, steps) {
      return medianPath(members.map((m, i) => m.predict(state.members[i], steps)));
    },
    predictAt(state, horizons) {
      return medianPath(members.map((m, i) => m.predictAt(state.members[i], horizons)));
    },
  };
}

export const medianCombination = medianOf(MEDIAN_COMBINATION, [
  seasonalNaive as PointModel<unknown>,
  theta as PointModel<unknown>,
  ets as PointModel<unknown>,
]);
