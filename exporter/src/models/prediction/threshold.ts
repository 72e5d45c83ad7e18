/**
 * The production rule for a learned breach threshold (DESIGN Decision 6), used when a signal
 * has no SLO in config: the level the history exceeded only 1% of the time, raised by a
 * tenth of the history's 1–99% range. The margin keeps a quiet series from "breaching" on
 * ordinary noise just above its usual top, and a flat one from breaching on any change
 * at all; higher is worse, so only the upper side matters.
 */
import { quantileSorted } from 'simple-statistics';

export const LEARNED_THRESHOLD_RULE = 'p99 of history + 0.1 × (p99 − p1)';

/** Fewest points a threshold is learned from. */
export const MIN_THRESHOLD_POINTS = 20;

export function learnThreshold(history: readonly number[]): number {
  const finite = history.filter(Number.isFinite);
  if (finite.length < MIN_THRESHOLD_POINTS)
    throw new Error(
      `learning a threshold needs at least ${MIN_THRESHOLD_POINTS} points (got ${finite.length})`,
    );
  const sorted = finite.slice().sort((a, b) => a - b);
  const top = quantileSorted(sorted, 0.99);
  const bottom = quantileSorted(sorted, 0.01);
  return top + 0.1 * (top - bottom);
}
