/**
 * BARO's robust change score (RCAEval, 2024): each series is scaled by the median and the
 * inter-quartile range of its own normal period, so a change is measured in the series' own
 * spread — a quiet series that moves a little outranks a noisy one that moves a lot.
 */
import { quantileSorted } from 'simple-statistics';
import type { Direction } from './types.js';

export interface RobustScale {
  median: number;
  iqr: number;
}

/** Baselines shorter than this say too little about a series' spread. */
export const MIN_BASELINE_POINTS = 3;

/**
 * A baseline with no inter-quartile spread — availability pinned at 100%, a count that is
 * mostly 0 — still has a scale: the mean absolute deviation from its median counts its
 * rare moves; a truly constant one gets 0.1% of its level (1e-9 around zero), so the score
 * stays finite while a real move still stands out.
 */
function spread(sorted: readonly number[], median: number): number {
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  if (iqr > 0) return iqr;
  const meanDeviation = sorted.reduce((sum, x) => sum + Math.abs(x - median), 0) / sorted.length;
  return Math.max(meanDeviation, Math.abs(median) * 1e-3, 1e-9);
}

export function robustScale(baseline: readonly number[]): RobustScale | null {
  const sorted = baseline.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < MIN_BASELINE_POINTS) return null;
  const median = quantileSorted(sorted, 0.5);
  return { median, iqr: spread(sorted, median) };
}

/** How much worse than normal, in IQRs: positive is worse, whichever way worse is. NaN stays NaN. */
export function badness(value: number, scale: RobustScale, direction: Direction): number {
  const z = (value - scale.median) / scale.iqr;
  if (direction === 'up') return z;
  if (direction === 'down') return -z;
  return Math.abs(z);
}

export function badnessSeries(window: readonly number[], scale: RobustScale, direction: Direction): number[] {
  return window.map((value) => badness(value, scale, direction));
}
