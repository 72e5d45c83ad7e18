/**
 * The few distributions the simulation draws from, all driven by one seeded `Random` so a
 * run is reproducible. Each function consumes a data-dependent number of draws; callers
 * keep determinism by drawing in the same order, not by counting draws.
 */
import type { Random } from './mulberry32.js';

/** Standard normal by Box–Muller; `1 - random()` keeps log() away from 0. */
export function standardNormal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Log-normal with the given median: request latencies are right-skewed with a long tail,
 * which is what makes p99 differ from the median in real services.
 */
export function logNormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(random));
}

// Knuth's product method costs one draw per event; past this mean the normal
// approximation is both faster and indistinguishable at the demo's scale.
const KNUTH_LIMIT = 200;

/** Poisson counts: independent arrivals at a given mean rate per interval. */
export function poisson(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > KNUTH_LIMIT) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
}
