/**
 * Turns a robust |z| into a calibrated two-sided tail probability (DESIGN Decision 5).
 *
 * With enough recent one-step residuals the tail is the series' own:
 * - the body is the conformal p-value, (#{past |z| ≥ |z|} + 1) / (n + 1), which is
 *   calibrated for any noise shape (light-tailed uniform noise as well as heavy-tailed) but
 *   cannot go below 1/(n + 1);
 * - beyond an anchor quantile (the 98th, or the 5th largest residual on short histories) an
 *   exponential tail takes over, its decay fitted on the spacing of two body quantiles rather
 *   than on the largest residuals, so a few past spikes in the calibration set neither
 *   stretch the tail nor mask the next spike (past spikes are at most 2% of the set by then).
 * Beyond the anchor the two are combined by their geometric mean: the rank is exact but
 * coarse (it cannot say 0.999 from 240 residuals), the fitted tail is fine-grained but
 * assumes exponential decay (too slow for bounded noise); measured on Gaussian, uniform,
 * Laplace and t3 noise the share of points scoring ≥ 0.99 stays within 0.85%–1.3%. The
 * price: it is conservative further out (Gaussian: ~0.02% score ≥ 0.999, not 0.1%).
 *
 * With few residuals (warm-up) the tail is a Student-t whose degrees of freedom reflect how
 * well a MAD of n points pins the scale down (~37% efficiency: dof ≈ 0.37·n).
 */
import { errorFunction, probit, quantileSorted } from 'simple-statistics';
import { studentTwoSidedQuantile, studentTwoSidedTail } from './student-t.js';

export interface TailModel {
  /** Two-sided tail probability of a robust |z| (in MAD-σ units). */
  pValue(absZ: number): number;
  /** The |z| reached with the given two-sided coverage (0.8 → the 80% band's half-width). */
  quantile(coverage: number): number;
  readonly label: string;
}

/** Below this many calibration residuals the empirical tail is too coarse: Student-t instead. */
export const MIN_EMPIRICAL_RESIDUALS = 50;

function countAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** `sortedAbsZ`: past one-step |z| residuals, ascending, at least MIN_EMPIRICAL_RESIDUALS of them. */
export function empiricalTail(sortedAbsZ: readonly number[]): TailModel {
  const n = sortedAbsZ.length;
  const anchorP = Math.max(0.02, 5 / (n + 1));
  const innerP = Math.min(5 * anchorP, 0.5);
  const anchor = quantileSorted(sortedAbsZ as number[], 1 - anchorP);
  const inner = quantileSorted(sortedAbsZ as number[], 1 - innerP);
  // Exponential decay length from the body's spacing; floored so ties cannot make it zero.
  const decay = Math.max((anchor - inner) / Math.log(innerP / anchorP), 0.05 * Math.max(anchor, 1));
  const conformal = (absZ: number): number => (countAtLeast(sortedAbsZ, absZ) + 1) / (n + 1);
  return {
    label: `empirical tail of ${n} residuals`,
    pValue(absZ) {
      const body = conformal(absZ);
      if (absZ <= anchor) return body;
      return Math.sqrt(body * anchorP * Math.exp(-(absZ - anchor) / decay));
    },
    quantile(coverage) {
      const p = 1 - coverage;
      if (p >= anchorP) return quantileSorted(sortedAbsZ as number[], coverage);
      return anchor + decay * Math.log(anchorP / p);
    },
  };
}

/** Student-t for a robust z whose median and MAD come from `points` values. */
export function studentTail(points: number): TailModel {
  const dof = Math.max(1, 0.37 * points);
  // The baseline median's own error (variance ≈ π/2 · σ²/n) widens the predictive spread.
  const inflation = Math.sqrt(1 + Math.PI / (2 * points));
  return {
    label: `Student-t with ${dof.toFixed(1)} dof`,
    pValue: (absZ) => studentTwoSidedTail(absZ / inflation, dof),
    quantile: (coverage) => inflation * studentTwoSidedQuantile(coverage, dof),
  };
}

/** P(|N(0,1)| ≥ x): the prior on deviations measured in scale-floor units. */
export function gaussianTwoSidedTail(x: number): number {
  return Math.max(0, 1 - errorFunction(Math.abs(x) / Math.SQRT2));
}

export function gaussianTwoSidedQuantile(coverage: number): number {
  return probit((1 + coverage) / 2);
}
