/**
 * Deterministic synthetic series for tests and evaluations: a seeded generator (mulberry32)
 * so every run sees the same noise, and helpers that lay values on a time grid.
 */
import { standardNormal } from '../../random/distributions.js';
import { mulberry32 } from '../../random/mulberry32.js';

/** Uniform [0, 1) numbers from a 32-bit seed. */
export const seededUniform = mulberry32;

/** Standard normal numbers from a seed. */
export function seededGaussian(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => standardNormal(uniform);
}
