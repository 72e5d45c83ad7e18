import { describe, expect, it } from 'vitest';
import { newLiveQuality } from './drift.js';
import type { LiveModel } from './model-lifecycle.js';
import { summarise } from './model-summary.js';

function live(
  service: string,
  trainedAtMs: number,
  mase: number | null,
  scored: [number, number, number],
): LiveModel {
  const [steps, inside80, inside95] = scored;
  return {
    signal: 'error_ratio',
    service,
    id: service,
    version: 1,
    trainedAtMs,
    quality: { oneStepError: 1, mase, brier: mase === null ? null : mase / 10 },
    live: { ...newLiveQuality(), steps, inside80, inside95 },
    pending: null,
  };
}

describe('model summary', () => {
  it('takes the oldest training time, median quality and pooled coverage', () => {
    const summary = summarise([
      live('a', 3000, 0.9, [10, 8, 10]),
      live('b', 1000, 1.5, [30, 20, 28]),
      live('c', 2000, Number.POSITIVE_INFINITY, [0, 0, 0]),
      live('d', 4000, null, [0, 0, 0]),
    ]);
    expect(summary).toEqual({
      series: 4,
      oldestTrainedMs: 1000,
      // A flat series' infinite MASE is left out of the median, not taken as the worst.
      medianMase: 1.2,
      medianBrier: 0.12,
      coverage80: 28 / 40,
      coverage95: 38 / 40,
    });
  });

  it('has nothing to say without series', () => {
    expect(summarise([])).toEqual({
      series: 0,
      oldestTrainedMs: null,
      medianMase: null,
      medianBrier: null,
      coverage80: null,
      coverage95: null,
    });
  });
});
