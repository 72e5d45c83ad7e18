/**
 * Same-phase references on timestamps, not indexes: the points of past seasons that lie
 * within ± a tolerance of t − k·season (k = 1..seasonsBack), so gaps and irregular spacing
 * only cost the seasons that have no point there.
 */
import { medianSorted } from 'simple-statistics';

/** Median spacing of the last (up to) `span` intervals before index `end`; 0 when unknown. */
export function typicalStep(timestampsMs: readonly number[], end: number, span = 60): number {
  const steps: number[] = [];
  for (let i = Math.max(1, end - span); i < end; i += 1) {
    const step = (timestampsMs[i] as number) - (timestampsMs[i - 1] as number);
    if (step > 0) steps.push(step);
  }
  if (steps.length === 0) return 0;
  steps.sort((a, b) => a - b);
  return medianSorted(steps);
}

/** First index in [0, end) whose timestamp is ≥ t. */
function firstAtOrAfter(timestampsMs: readonly number[], t: number, end: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestampsMs[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PhaseLookup {
  timestampsMs: readonly number[];
  values: readonly number[];
  seasonMs: number;
  seasonsBack: number;
  toleranceMs: number;
}

export interface SeasonalReference {
  /** Median of the same-phase points over the seasons found. */
  value: number;
  /** How many of the past seasons held at least one same-phase point. */
  seasons: number;
}

/** The same-phase reference of point `i` (looking only at points before it), or null if none. */
export function samePhaseReference(
  lookup: PhaseLookup,
  i: number,
  scratch: number[] = [],
): SeasonalReference | null {
  const { timestampsMs, values, seasonMs, seasonsBack, toleranceMs } = lookup;
  const t = timestampsMs[i] as number;
  scratch.length = 0;
  let seasons = 0;
  for (let k = 1; k <= seasonsBack; k += 1) {
    const centre = t - k * seasonMs;
    let j = firstAtOrAfter(timestampsMs, centre - toleranceMs, i);
    const before = scratch.length;
    for (; j < i && (timestampsMs[j] as number) <= centre + toleranceMs; j += 1) {
      const value = values[j] as number;
      if (Number.isFinite(value)) scratch.push(value);
    }
    if (scratch.length > before) seasons += 1;
  }
  if (seasons === 0) return null;
  scratch.sort((a, b) => a - b);
  return { value: medianSorted(scratch), seasons };
}
