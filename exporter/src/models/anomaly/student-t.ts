/**
 * Student-t tail probabilities and quantiles (simple-statistics has no t CDF). Used while a
 * series has too few residuals for an empirical tail: a robust z whose scale comes from the
 * MAD of n points is t-distributed with roughly 0.37·n degrees of freedom for Gaussian noise.
 */
import { gammaln } from 'simple-statistics';

const MAX_ITERATIONS = 200;
const EPS = 1e-14;
const TINY = 1e-300;

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m += 1) {
    const m2 = 2 * m;
    for (const aa of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(|T| ≥ t) for T ~ Student-t with `dof` degrees of freedom. */
export function studentTwoSidedTail(t: number, dof: number): number {
  const abs = Math.abs(t);
  if (!Number.isFinite(abs)) return 0;
  return incompleteBeta(dof / (dof + abs * abs), dof / 2, 0.5);
}

/** The q ≥ 0 with P(|T| ≥ q) = 1 − coverage (bisection: only used for bands while warming). */
export function studentTwoSidedQuantile(coverage: number, dof: number): number {
  const target = 1 - coverage;
  let lo = 0;
  let hi = 1;
  while (studentTwoSidedTail(hi, dof) > target && hi < 1e12) hi *= 2;
  for (let i = 0; i < 80 && hi - lo > 1e-9 * hi; i += 1) {
    const mid = (lo + hi) / 2;
    if (studentTwoSidedTail(mid, dof) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
