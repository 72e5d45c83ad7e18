/**
 * Deterministic synthetic series for tests and evaluations: a seeded generator (mulberry32)
 * so every run sees the same noise, and helpers that lay values on a time grid.
 */
import type { SeriesWindow } from '../../store/store.js';

/** Uniform [0, 1) numbers from a 32-bit seed (mulberry32). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Standard normal numbers (Box–Muller) from a seed. */
export function seededGaussian(seed: number): () => number {
  const uniform = seededUniform(seed);
  return () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
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
