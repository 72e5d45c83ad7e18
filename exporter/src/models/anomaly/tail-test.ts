/**
 * How surprising one value is against a component's own history, as a two-sided tail
 * probability (the calibrated score of DESIGN Decision 5 is 1 − this).
 *
 * In the body the p-value is the conformal rank, (#{history beyond x} + ½·#{equal} + 1)/(n + 1):
 * calibrated for any noise shape, but it cannot go below 1/(n + 1), so every new extreme
 * would look alike. Beyond the (k+1)-th most extreme value u (k = fraction·n, at least
 * minExtremes) the tail is extrapolated as exponential — peaks over threshold with the
 * generalised Pareto shape fixed at 0, as in SPOT (Siffer et al., KDD 2017): p = (k+1)/(n+1) ·
 * exp(−(x − u)/β), β the mean excess of the k extremes. So a value far past everything seen
 * scores higher than one that barely tops the maximum, and a past spike among the extremes
 * widens β instead of hiding the next one.
 */

export interface TailParams {
  /** Share of the history treated as the tail (k = fraction·n). */
  fraction: number;
  /** Fewest extremes the tail is fitted on. */
  minExtremes: number;
  /** Fewest history points before any value is called surprising. */
  minHistory: number;
}

export interface TailSide {
  /** The threshold the tail starts from. */
  u: number;
  /** Mean excess of the extremes past u (exponential scale), floored. */
  beta: number;
}

/** A component's history summarised: the two tails and the quantiles bands are drawn from. */
export interface TailFit {
  n: number;
  k: number;
  upper: TailSide;
  lower: TailSide;
  /** Quantiles 2.5%, 10%, 50%, 90%, 97.5% of the history. */
  q025: number;
  q10: number;
  q50: number;
  q90: number;
  q975: number;
}

/** Exact counts of the history against one value. */
export interface RankCounts {
  n: number;
  greater: number;
  equal: number;
  less: number;
}

/** History values in ascending order, read by rank (a window may not hold them as numbers). */
export interface Ranked {
  /** The k-th smallest value (k from 0). */
  kth(k: number): number;
}

function quantile(sorted: Ranked, n: number, q: number): number {
  return sorted.kth(Math.min(n - 1, Math.max(0, Math.floor(q * n))));
}

/** `sorted` holds the n history values ascending (it may hold more). Null with too little history. */
export function fitTail(sorted: Ranked, n: number, params: TailParams): TailFit | null {
  if (n < params.minHistory) return null;
  const k = Math.min(n - 1, Math.max(params.minExtremes, Math.ceil(params.fraction * n)));
  const q50 = quantile(sorted, n, 0.5);
  // A flat or quantised history has no spread to speak of: a change of 0.1% of the level
  // (or 5% of the interquartile range) is then the smallest step that counts as news.
  const floor = Math.max(
    0.05 * (quantile(sorted, n, 0.75) - quantile(sorted, n, 0.25)),
    1e-3 * Math.abs(q50),
    1e-9,
  );
  const upperU = sorted.kth(n - 1 - k);
  const lowerU = sorted.kth(k);
  let upperExcess = 0;
  let lowerExcess = 0;
  for (let j = 0; j < k; j += 1) {
    upperExcess += sorted.kth(n - 1 - j) - upperU;
    lowerExcess += lowerU - sorted.kth(j);
  }
  return {
    n,
    k,
    upper: { u: upperU, beta: Math.max(upperExcess / k, floor) },
    lower: { u: lowerU, beta: Math.max(lowerExcess / k, floor) },
    q025: quantile(sorted, n, 0.025),
    q10: quantile(sorted, n, 0.1),
    q50,
    q90: quantile(sorted, n, 0.9),
    q975: quantile(sorted, n, 0.975),
  };
}

export interface TailP {
  /** Two-sided tail probability in (0, 1]. */
  p: number;
  /** Which tail the value is in. */
  side: 'upper' | 'lower';
}

/** The two-sided tail probability of `x`, from exact rank counts and the (cached) tail fit. */
export function tailProbability(x: number, counts: RankCounts, fit: TailFit): TailP {
  const { n } = counts;
  const anchor = (fit.k + 1) / (n + 1);
  const upper =
    x > fit.upper.u
      ? anchor * Math.exp(-(x - fit.upper.u) / fit.upper.beta)
      : (counts.greater + counts.equal / 2 + 1) / (n + 1);
  const lower =
    x < fit.lower.u
      ? anchor * Math.exp(-(fit.lower.u - x) / fit.lower.beta)
      : (counts.less + counts.equal / 2 + 1) / (n + 1);
  return upper <= lower
    ? { p: Math.min(1, 2 * upper), side: 'upper' }
    : { p: Math.min(1, 2 * lower), side: 'lower' };
}
