import { describe, expect, it } from 'vitest';
import { seededGaussian } from '../../models/anomaly/synthetic-series.js';
import { NabInputError } from '../nab/errors.js';
import { backtestSeries } from './backtest.js';

// One-minute steps; a 24-minute "day" whose peaks (phase 6) cross 108.5 for phases 4..8, so
// every breach time is known in advance: phase 4 of each period.
const PERIOD = 24;
const STEP = 60_000;
const START = Date.UTC(2026, 0, 1);
const wave = (t: number): number => 100 + 10 * Math.sin((2 * Math.PI * t) / PERIOD);

function series(length: number, value: (t: number) => number) {
  return {
    timestampsMs: Array.from({ length }, (_, t) => START + t * STEP),
    values: Array.from({ length }, (_, t) => value(t)),
  };
}

describe('backtestSeries', () => {
  const result = backtestSeries(series(PERIOD * 60, wave), {
    horizonSteps: 12,
    learnFraction: 0.5,
    threshold: 108.5,
  });

  it('finds every breach at its known time, the threshold alert one `for` later', () => {
    expect(result.episodes.length).toBe(30);
    for (const episode of result.episodes) {
      expect(((episode.breachedAtMs - START) / STEP) % PERIOD).toBe(4);
      expect(episode.thresholdAlertAtMs - episode.breachedAtMs).toBe(60_000);
    }
  });

  it('has the predicted alert firing before each breach, within the horizon, with no false alarm', () => {
    expect(result.rule.name).toBe('OmenBreachImminent'); // 12 one-minute steps: a short horizon
    for (const episode of result.episodes) {
      expect(episode.predictedAtMs).not.toBeNull();
      expect(episode.predictedAtMs as number).toBeLessThan(episode.breachedAtMs);
      expect(episode.breachedAtMs - (episode.predictedAtMs as number)).toBeLessThanOrEqual(result.horizonMs);
    }
    expect(result.falseAlarmsAtMs).toEqual([]);
  });

  it('stays silent on a quiet series far below its threshold', () => {
    const gaussian = seededGaussian(7);
    const quiet = backtestSeries(
      series(2000, () => 10 + gaussian()),
      { horizonSteps: 12, learnFraction: 0.3, threshold: 20 },
    );
    expect(quiet.episodes).toEqual([]);
    expect(quiet.falseAlarmsAtMs).toEqual([]);
  });

  it('learns the threshold from the learning part when none is given', () => {
    const learned = backtestSeries(series(PERIOD * 40, wave), { horizonSteps: 12, learnFraction: 0.5 });
    expect(learned.thresholdLearned).toBe(true);
    expect(learned.threshold).toBeGreaterThan(110); // above the peaks: p99 + a margin
    expect(learned.episodes).toEqual([]);
  });

  it('refuses a history too short to learn from, saying how much it needs', () => {
    expect(() => backtestSeries(series(30, wave), { horizonSteps: 12, learnFraction: 0.15 })).toThrow(
      NabInputError,
    );
  });
});
