/**
 * Deterministic synthetic series for tests and evaluations: a seeded generator (mulberry32)
 * so every run sees the same noise, and helpers that lay values on a time grid.
 */
import type { SeriesWindow } from '../../store/store.js';
import { standardNormal } from '../../random/distributions.js';
import { mulberry32 } from '../../random/mulberry32.js';

/** Uniform [0, 1) numbers from a 32-bit seed. */
export const seededUniform = mulberry32;

/** Standard normal numbers from a seed. */
export function seededGaussian(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => standardNormal(uniform);
}

/** A window of `values` on a regular grid of `stepMs` starting at `startMs`. */
export function gridWindow(values: readonly number[], stepMs: number, startMs = 0): SeriesWindow {
  return {
    signal: 'synthetic',
    service: 'test',
    timestampsMs: values.map((_, i) => startMs + i * stepMs),
    values: [...values],
  };
}

/** The window ending at index `end` (inclusive) holding the last `length` points. */
export function sliceWindow(series: SeriesWindow, end: number, length: number): SeriesWindow {
  const from = Math.max(0, end + 1 - length);
  return {
    signal: series.signal,
    service: series.service,
    timestampsMs: series.timestampsMs.slice(from, end + 1),
    values: series.values.slice(from, end + 1),
  };
}
