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

/** Monotone non-decreasing fit of `rates` with `weights` (pool adjacent violators). */
export function isotonic(rates: readonly number[], weights: readonly number[]): number[] {
  const blocks: { value: number; weight: number; size: number }[] = [];
  rates.forEach((value, i) => {
    blocks.push({ value, weight: weights[i] as number, size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as (typeof blocks)[number];
      const before = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (before.value <= last.value) break;
      const weight = before.weight + last.weight;
      blocks.splice(-2, 2, {
        value: (before.value * before.weight + last.value * last.weight) / weight,
        weight,
        size: before.size + last.size,
      });
    }
  });
  return blocks.flatMap((block) => new Array<number>(block.size).fill(block.value));
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
