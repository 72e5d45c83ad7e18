import { describe, expect, it } from 'vitest';
import { PREDICTED_RULES } from '../../models/prediction/alert.js';
import { replayPredicted, replayRule, replayThreshold } from './rule-replay.js';

const everyMinute = (n: number) => Array.from({ length: n }, (_, i) => i * 60_000);

describe('replayRule', () => {
  it('fires only once the expression has held for `for`, and resolves when it stops', () => {
    const held = [false, true, true, true, false, true];
    const firing = replayRule(everyMinute(6), (i) => held[i] as boolean, { forMs: 120_000 });
    expect(firing).toEqual([false, false, false, true, false, false]);
  });

  it('keeps firing for keep_firing_for after the expression stops holding', () => {
    const held = [true, true, false, false, false, false];
    const firing = replayRule(everyMinute(6), (i) => held[i] as boolean, {
      forMs: 60_000,
      keepFiringForMs: 180_000,
    });
    expect(firing).toEqual([false, true, true, true, false, false]);
  });

  it('fires at once with no `for`', () => {
    expect(replayRule(everyMinute(2), () => true, { forMs: 0 })).toEqual([true, true]);
  });
});

describe('replayPredicted', () => {
  const rule = PREDICTED_RULES.OmenBreachImminent; // 0.9 to fire, 0.7 to hold, for 1m

  it('holds a firing alert while the probability stays above the lower cut-off', () => {
    const p = [0.95, 0.95, 0.8, 0.75, 0.65, 0.8];
    expect(replayPredicted(everyMinute(6), p, rule)).toEqual([false, true, true, true, false, false]);
  });

  it('does not fire on a probability that only hovers between the cut-offs', () => {
    expect(replayPredicted(everyMinute(5), [0.8, 0.85, 0.8, 0.89, 0.8], rule)).toEqual(
      new Array(5).fill(false),
    );
  });

  it('never fires where no probability was published', () => {
    expect(replayPredicted(everyMinute(3), [NaN, NaN, NaN], rule)).toEqual([false, false, false]);
  });
});

describe('replayThreshold', () => {
  it('compares value > threshold, strictly', () => {
    expect(replayThreshold(everyMinute(3), [1, 2, 2], 1, { forMs: 0 })).toEqual([false, true, true]);
  });
});
