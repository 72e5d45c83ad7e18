import { describe, expect, it } from 'vitest';
import { addSample, denseSteps, openAccumulator } from './step-accumulator.js';

const STEP = 60_000;

describe('step accumulator', () => {
  it('emits the mean of a step when the next step begins', () => {
    const acc = openAccumulator(STEP, 0, 0, 0, -1);
    expect(addSample(acc, 0, 1, 5)).toEqual({ kind: 'same' });
    expect(addSample(acc, 30_000, 3, 5)).toEqual({ kind: 'same' });
    expect(addSample(acc, 60_000, 10, 5)).toEqual({ kind: 'closed', means: [2] });
    expect(acc).toMatchObject({ openStartMs: 60_000, sum: 10, count: 1, lastMean: 2 });
  });

  it('repeats the last mean over empty steps, and reports a silence longer than maxGap', () => {
    const acc = openAccumulator(STEP, 0, 4, 2, 10_000);
    expect(addSample(acc, 3 * STEP + 5, 1, 5)).toEqual({ kind: 'closed', means: [4, 4, 4] });
    expect(addSample(acc, 10 * STEP, 1, 5)).toEqual({ kind: 'gap' });
  });

  it('ignores samples not newer than the last one, and missing values', () => {
    const acc = openAccumulator(STEP, 0, 4, 2, 10_000);
    expect(addSample(acc, 10_000, 100, 5)).toEqual({ kind: 'same' });
    expect(addSample(acc, 20_000, Number.NaN, 5)).toEqual({ kind: 'same' });
    expect(acc.sum).toBe(8);
  });
});

describe('denseSteps', () => {
  it('fills empty steps with the mean before them', () => {
    expect(denseSteps([0, STEP, 4 * STEP], [1, 2, 5], STEP)).toEqual([1, 2, 2, 2, 5]);
    expect(denseSteps([], [], STEP)).toEqual([]);
  });
});
