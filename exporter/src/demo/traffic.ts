/**
 * External load on the entry service: a smooth daily cycle (night ≈ 30% of the midday
 * peak) times slowly wandering noise, so Omen sees a season to learn and residuals that
 * are not white. Rates are real requests per second; the cycle follows demo time.
 */
import { hourOfDay } from './demo-clock.js';
import { standardNormal } from '../random/distributions.js';
import type { Random } from '../random/mulberry32.js';

export const TRAFFIC = {
  /** Requests per real second at the busiest moment of the demo day (default; configurable). */
  peakPerSecond: 40,
  /** Traffic at the quietest moment, as a share of the peak. */
  nightShare: 0.3,
  /** Demo hour of the quietest moment; the peak is twelve hours later (13:00). */
  troughHour: 1,
  /** Spread of the multiplicative noise (log scale, stationary standard deviation). */
  noiseSigma: 0.08,
  /** How long a noise excursion lasts, in demo time: long enough to look like real load. */
  noiseTauDemoMs: 20 * 60_000,
} as const;

/** Expected requests per second at a demo time, before noise. */
export function cycleRate(demoMs: number, peakPerSecond: number = TRAFFIC.peakPerSecond): number {
  const phase = (2 * Math.PI * (hourOfDay(demoMs) - TRAFFIC.troughHour)) / 24;
  const shape = (1 - Math.cos(phase)) / 2; // 0 at the trough, 1 at the peak
  return peakPerSecond * (TRAFFIC.nightShare + (1 - TRAFFIC.nightShare) * shape);
}

/**
 * Ornstein–Uhlenbeck noise on the log of the rate. Stepping it by elapsed time (not per
 * tick) keeps its character the same whatever the tick length.
 */
export class TrafficNoise {
  private level = 0;

  constructor(private readonly random: Random) {}

  /** The multiplicative factor after `elapsedDemoMs` more demo time. */
  advance(elapsedDemoMs: number): number {
    const keep = Math.exp(-elapsedDemoMs / TRAFFIC.noiseTauDemoMs);
    const innovation = TRAFFIC.noiseSigma * Math.sqrt(1 - keep * keep);
    this.level = this.level * keep + innovation * standardNormal(this.random);
    return Math.exp(this.level);
  }
}
