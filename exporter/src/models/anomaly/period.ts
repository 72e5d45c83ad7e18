/**
 * Finds a series' seasonal period, in points, from its own history: the highest local peak
 * of the autocorrelation function after its first zero crossing, if that peak is strong
 * enough. ACF rather than augurs' periodogram (`/seasons`): the periodogram's frequency
 * grid rounds periods (it found 256 for a true 288, STACK.md), and a season that is off by
 * a tenth makes the one-season-ago comparison worse than none.
 */

export interface PeriodParams {
  /** Shortest period considered, in points. */
  minPeriod: number;
  /** Longest period considered, in points (also at most half the history). */
  maxPeriod: number;
  /** Weakest autocorrelation peak accepted as a season. */
  minAutocorrelation: number;
}

/** `values` oldest first (NaN for missing points). Null when no season stands out. */
export function detectPeriod(values: Float64Array, params: PeriodParams): number | null {
  const n = values.length;
  let count = 0;
  for (const v of values) if (!Number.isNaN(v)) count += 1;
  const maxLag = Math.min(params.maxPeriod, Math.floor(n / 2));
  if (count < 3 * params.minPeriod || maxLag <= params.minPeriod) return null;
  const acf = pearsonAtLag(values);
  const peaks = acfPeaks(acf, params.minPeriod, maxLag);
  const strongest = Math.max(-1, ...peaks.map((p) => p.acf));
  if (strongest < params.minAutocorrelation) return null;
  // Multiples of the period peak about as high as the period itself (and noise may lift
  // one above it): the shortest peak close to the strongest is the fundamental.
  const fundamental = peaks.find((p) => p.acf >= FUNDAMENTAL_SHARE * strongest) as Peak;
  return Math.round(fundamental.lag + fundamental.offset);
}

const FUNDAMENTAL_SHARE = 0.9;

interface Peak {
  lag: number;
  acf: number;
  /** Sub-point position of the peak from a parabola through its neighbours, in [-0.5, 0.5]. */
  offset: number;
}

/** Local maxima of the ACF after its first zero crossing (before it, the ACF only decays from lag 0). */
function acfPeaks(acf: (lag: number) => number, minLag: number, maxLag: number): Peak[] {
  const peaks: Peak[] = [];
  let previous = acf(minLag - 1);
  let current = acf(minLag);
  let crossed = previous < 0;
  for (let lag = minLag; lag <= maxLag; lag += 1) {
    const next = acf(lag + 1);
    if (current < 0) crossed = true;
    if (crossed && current > previous && current >= next) {
      const curvature = previous - 2 * current + next;
      const offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (previous - next) / (2 * curvature))) : 0;
      peaks.push({ lag, acf: current, offset });
    }
    previous = current;
    current = next;
  }
  return peaks;
}

/**
 * The correlation of the series with itself `lag` points back, as Pearson's r of the two
 * overlapping segments (each with its own mean and spread): the plain ACF's shared mean and
 * variance bias the peak of a season by a point or two when the history does not hold a
 * whole number of seasons. Missing points drop their pairs.
 */
function pearsonAtLag(values: Float64Array): (lag: number) => number {
  const n = values.length;
  return (lag) => {
    let count = 0;
    let sa = 0;
    let sb = 0;
    let saa = 0;
    let sbb = 0;
    let sab = 0;
    for (let i = lag; i < n; i += 1) {
      const a = values[i] as number;
      const b = values[i - lag] as number;
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      count += 1;
      sa += a;
      sb += b;
      saa += a * a;
      sbb += b * b;
      sab += a * b;
    }
    if (count < 2) return 0;
    const cov = sab - (sa * sb) / count;
    const va = saa - (sa * sa) / count;
    const vb = sbb - (sb * sb) / count;
    return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
  };
}
