/**
 * Calibration of raw breach probabilities against what happened, by isotonic regression
 * over bins of the raw probability (pool-adjacent-violators). Each bin's observed rate is
 * shrunk towards the raw probabilities it holds by a few pseudo-observations, so a bin
 * with little history says roughly what the forecast says rather than 0 or 1. The state is
 * a handful of counts: it updates online and serialises small.
 */

/** Bin edges: fine near 0, where most raw probabilities of a healthy series fall. */
export const BIN_EDGES = [
  0, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1,
];

export interface CalibrationState {
  /** Per bin: outcomes seen, breaches among them, and the sum of their raw probabilities. */
  count: number[];
  hits: number[];
  rawSum: number[];
}

export function createCalibration(): CalibrationState {
  const bins = BIN_EDGES.length - 1;
  return { count: new Array(bins).fill(0), hits: new Array(bins).fill(0), rawSum: new Array(bins).fill(0) };
}

export function binOf(raw: number): number {
  const last = BIN_EDGES.length - 2;
  for (let b = 0; b < last; b += 1) if (raw < (BIN_EDGES[b + 1] as number)) return b;
  return last;
}

/** Counts one resolved prediction (raw probability `raw`; did it breach?) into `state`, in place. */
export function addOutcome(state: CalibrationState, raw: number, breached: boolean): CalibrationState {
  const b = binOf(raw);
  state.count[b] = (state.count[b] as number) + 1;
  if (breached) state.hits[b] = (state.hits[b] as number) + 1;
  state.rawSum[b] = (state.rawSum[b] as number) + raw;
  return state;
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

/** Calibrated probability for `raw`; `prior` is the pseudo-observations per bin. */
export function calibrate(state: CalibrationState, raw: number, prior: number): number {
  const centre = (b: number): number => ((BIN_EDGES[b] as number) + (BIN_EDGES[b + 1] as number)) / 2;
  const rates = state.count.map(
    (n, b) =>
      ((state.hits[b] as number) + prior * (n > 0 ? (state.rawSum[b] as number) / n : centre(b))) /
      (n + prior),
  );
  const fitted = isotonic(
    rates,
    state.count.map((n) => n + prior),
  );
  return fitted[binOf(raw)] as number;
}
