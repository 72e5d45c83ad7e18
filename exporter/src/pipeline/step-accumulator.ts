/**
 * Turns a series' raw samples into the fixed steps its forecaster runs on: the mean of each
 * epoch-aligned step, emitted when the first sample of a later step arrives. A step with no
 * sample repeats the last mean (the forecasters need an unbroken sequence), up to
 * `maxGap` steps: a longer silence means the state no longer describes the series, and the
 * caller refits it from the store instead.
 */

export interface StepAccumulator {
  stepMs: number;
  /** Start of the step being filled. */
  openStartMs: number;
  sum: number;
  count: number;
  /** The last emitted mean (or the open step's, before any was emitted). */
  lastMean: number;
  /** Newest sample taken. */
  lastMs: number;
}

export type StepOutcome = { kind: 'same' } | { kind: 'closed'; means: number[] } | { kind: 'gap' };

export function stepStart(timestampMs: number, stepMs: number): number {
  return Math.floor(timestampMs / stepMs) * stepMs;
}

/** An accumulator whose open step already holds `count` samples averaging `mean`. */
export function openAccumulator(
  stepMs: number,
  openStartMs: number,
  mean: number,
  count: number,
  lastMs: number,
): StepAccumulator {
  return { stepMs, openStartMs, sum: mean * count, count, lastMean: mean, lastMs };
}

/**
 * Takes one sample (newer than `lastMs`, else ignored); says whether steps closed and which
 * means they had, oldest first, or that the silence before it was longer than `maxGap`.
 */
export function addSample(
  acc: StepAccumulator,
  timestampMs: number,
  value: number,
  maxGap: number,
): StepOutcome {
  if (timestampMs <= acc.lastMs || !Number.isFinite(value)) return { kind: 'same' };
  acc.lastMs = timestampMs;
  const start = stepStart(timestampMs, acc.stepMs);
  if (start === acc.openStartMs) {
    acc.sum += value;
    acc.count += 1;
    return { kind: 'same' };
  }
  const missing = (start - acc.openStartMs) / acc.stepMs - 1;
  if (missing > maxGap) return { kind: 'gap' };
  const closed = acc.count > 0 ? acc.sum / acc.count : acc.lastMean;
  const means = [closed, ...Array.from({ length: missing }, () => closed)];
  acc.lastMean = closed;
  acc.openStartMs = start;
  acc.sum = value;
  acc.count = 1;
  return { kind: 'closed', means };
}

/**
 * Dense step means from the steps that hold samples (`startsMs` ascending): each empty step
 * between two full ones repeats the mean before it.
 */
export function denseSteps(startsMs: readonly number[], means: readonly number[], stepMs: number): number[] {
  const dense: number[] = [];
  startsMs.forEach((start, i) => {
    if (i > 0) {
      const missing = (start - (startsMs[i - 1] as number)) / stepMs - 1;
      for (let k = 0; k < missing; k += 1) dense.push(dense[dense.length - 1] as number);
    }
    dense.push(means[i] as number);
  });
  return dense;
}
