/**
 * Prometheus' `histogram_quantile` over classic (`le`) buckets, so a latency signal read
 * by Omen is the number a Grafana panel with the same query shows.
 *
 * Like Prometheus: buckets are sorted by upper bound and made monotonic (rates of
 * separately scraped buckets can disagree by rounding); the `+Inf` bucket is required
 * and holds the observation count; within the bucket where the rank falls the value is
 * interpolated linearly, from 0 for the first bucket (when its bound is positive); a rank
 * in the `+Inf` bucket gives the highest finite bound. Where Prometheus would return NaN
 * (no `+Inf` bucket, fewer than two buckets, no observations) this returns undefined:
 * no sample rather than a value nobody can model.
 */
export interface Bucket {
  /** The `le` bound; `Infinity` for `le="+Inf"`. */
  upperBound: number;
  /** Cumulative: observations (or their rate) at or below `upperBound`. */
  count: number;
}

export function histogramQuantile(quantile: number, buckets: readonly Bucket[]): number | undefined {
  if (!(quantile >= 0 && quantile <= 1)) return undefined;
  const sorted = monotonic([...buckets].sort((a, b) => a.upperBound - b.upperBound));
  const last = sorted[sorted.length - 1];
  if (sorted.length < 2 || last?.upperBound !== Infinity) return undefined;
  const observations = last.count;
  if (!(observations > 0)) return undefined;

  let rank = quantile * observations;
  const index = sorted.findIndex((bucket) => bucket.count >= rank);
  if (index === sorted.length - 1) return sorted[sorted.length - 2]!.upperBound;
  const bucket = sorted[index]!;
  if (index === 0 && bucket.upperBound <= 0) return bucket.upperBound;

  let start = 0;
  let count = bucket.count;
  if (index > 0) {
    const previous = sorted[index - 1]!;
    start = previous.upperBound;
    count -= previous.count;
    rank -= previous.count;
  }
  return start + (bucket.upperBound - start) * (rank / count);
}

function monotonic(buckets: Bucket[]): Bucket[] {
  let highest = 0;
  return buckets.map((bucket) => {
    highest = Math.max(highest, bucket.count);
    return { upperBound: bucket.upperBound, count: highest };
  });
}
