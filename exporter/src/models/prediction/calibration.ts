/**
 * Calibration of raw breach probabilities against what happened, by isotonic regression
 * over bins of the raw probability (pool-adjacent-violators). Each bin's observed rate is
 * shrunk towards the raw probabilities it holds by a few pseudo-observations, so a bin
 * with little history says roughly what the forecast says rather than 0 or 1. The state is
 * a handful of counts: it updates online.
 */

/** Bin edges: fine near 0, where most raw probabilities of a healthy series fall. */
export const BIN_EDGES = [
  0, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1,
];

/** Bins of the raw probability, between consecutive edges. */
export const BINS = BIN_EDGES.length - 1;

/**
 * Per horizon and bin: outcomes seen, breaches among them, and the sum of their raw
 * probabilities. One buffer for all of a series' horizons: as three JS arrays a horizon
 * they were ~2.5 KiB a series, the largest part of its JS heap. Counts are whole numbers
 * (32 bits: an outcome a step for 2000 years at 15 s); sums keep full precision.
 */
export class CalibrationBins {
  private readonly rawSums: Float64Array;
  /** Horizon h's counts at [2h·BINS, 2h·BINS + BINS), its breaches right after. */
  private readonly counts: Uint32Array;

  constructor(readonly horizons: number) {
    const buffer = new ArrayBuffer(horizons * BINS * 16);
    this.rawSums = new Float64Array(buffer, 0, horizons * BINS);
    this.counts = new Uint32Array(buffer, horizons * BINS * 8, 2 * horizons * BINS);
  }

  /** Outcomes seen in bin b of horizon h. */
  count(h: number, b: number): number {
    return this.counts[2 * h * BINS + b] as number;
  }

  /** Breaches among them. */
  hits(h: number, b: number): number {
    return this.counts[(2 * h + 1) * BINS + b] as number;
  }

  /** The sum of their raw probabilities. */
  rawSum(h: number, b: number): number {
    return this.rawSums[h * BINS + b] as number;
  }

  /** Counts one resolved prediction of horizon h (raw probability `raw`; did it breach?). */
  add(h: number, raw: number, breached: boolean): void {
    const b = binOf(raw);
    this.counts[2 * h * BINS + b] = this.count(h, b) + 1;
    if (breached) this.counts[(2 * h + 1) * BINS + b] = this.hits(h, b) + 1;
    this.rawSums[h * BINS + b] = this.rawSum(h, b) + raw;
  }
}

export function binOf(raw: number): number {
  const last = BIN_EDGES.length - 2;
  for (let b = 0; b < last; b += 1) if (raw < (BIN_EDGES[b + 1] as number)) return b;
  return last;
}

/**
 * Monotone non-decreasing fit of `rates` with `weights` (pool adjacent violators). Blocks
 * live in three parallel stacks rather than objects: this runs for every horizon at every
 * step of every series' breach walk.
 */
export function isotonic(rates: readonly number[], weights: readonly number[]): number[] {
  const n = rates.length;
  const value = new Array<number>(n);
  const weight = new Array<number>(n);
  const size = new Array<number>(n);
  let top = -1;
  for (let i = 0; i < n; i += 1) {
    top += 1;
    value[top] = rates[i] as number;
    weight[top] = weights[i] as number;
    size[top] = 1;
    while (top > 0 && (value[top - 1] as number) > (value[top] as number)) {
      const pooled = (weight[top - 1] as number) + (weight[top] as number);
      value[top - 1] =
        ((value[top - 1] as number) * (weight[top - 1] as number) +
          (value[top] as number) * (weight[top] as number)) /
        pooled;
      weight[top - 1] = pooled;
      size[top - 1] = (size[top - 1] as number) + (size[top] as number);
      top -= 1;
    }
  }
  const fitted = new Array<number>(n);
  for (let block = 0, at = 0; block <= top; block += 1)
    for (let k = 0; k < (size[block] as number); k += 1) fitted[at++] = value[block] as number;
  return fitted;
}

/** Calibrated probability for `raw` at horizon h; `prior` is the pseudo-observations per bin. */
export function calibrate(bins: CalibrationBins, h: number, raw: number, prior: number): number {
  const rates = new Array<number>(BINS);
  const weights = new Array<number>(BINS);
  for (let b = 0; b < BINS; b += 1) {
    const n = bins.count(h, b);
    const centre = ((BIN_EDGES[b] as number) + (BIN_EDGES[b + 1] as number)) / 2;
    rates[b] = (bins.hits(h, b) + prior * (n > 0 ? bins.rawSum(h, b) / n : centre)) / (n + prior);
    weights[b] = n + prior;
  }
  return isotonic(rates, weights)[binOf(raw)] as number;
}
