/**
 * Split-conformal prediction intervals from the series' own out-of-sample errors, per
 * horizon. Each anchor horizon h keeps the forecasts made h steps ago in a delay line; when
 * their target arrives, the signed error (actual − forecast) joins a bounded window of
 * recent errors. Interval bounds are the window's empirical quantiles (with the finite-sample
 * rank of split conformal), so they cover as often as they promise whatever the error
 * distribution; horizons between anchors interpolate, horizons past the last grow like √h.
 *
 * Updates edit the state in place (10 000 series move every cycle; copying each window per
 * point was most of the cost). The windows and delay lines live in typed arrays
 * (error-windows.ts, delay-lines.ts): as JS arrays they were most of the process's heap.
 */

import { DelayLines } from './delay-lines.js';
import { ErrorWindows } from './error-windows.js';
import { sharedByContents } from '../shared-by-contents.js';

export interface ConformalState {
  /** Horizons (steps, ascending) whose errors are tracked exactly. */
  anchors: number[];
  window: number;
  /** Per anchor: its last `window` signed errors, in arrival order and ascending. */
  errors: ErrorWindows;
  /** Per anchor h: the forecasts made for h steps ahead at the last h origins. */
  pending: DelayLines;
}

/**
 * A power of two closer than this factor to a horizon adds no anchor: the horizon's own is
 * there. Each anchor costs a series `window` errors and a delay line as long as itself (the
 * defaults' 13 anchors were ~23 KiB a series, 9 are ~16).
 */
const NEAR_HORIZON = 1.5;

/** Step 1, the horizons themselves, and the powers of two between that are not near one. */
export function anchorHorizons(horizons: readonly number[]): number[] {
  const exact = [1, ...horizons.filter((h) => h >= 1)];
  const longest = Math.max(...exact);
  const near = (p: number) => exact.some((h) => Math.max(p, h) / Math.min(p, h) < NEAR_HORIZON);
  const anchors = new Set(exact);
  for (let p = 2; p < longest; p *= 2) if (!near(p)) anchors.add(p);
  return [...anchors].sort((a, b) => a - b);
}

export function createConformal(anchors: readonly number[], window: number): ConformalState {
  return {
    anchors: [...anchors],
    window,
    errors: new ErrorWindows(anchors.length, window),
    pending: new DelayLines([...anchors]),
  };
}

/**
 * One step of the calibration: `value` has arrived (every forecast that targeted it becomes
 * an error), and `forecastAt(h)` is the new origin's forecast h steps ahead.
 */
export function advance(state: ConformalState, value: number, forecastAt: readonly number[]): ConformalState {
  const { errors, pending } = state;
  for (let a = 0; a < state.anchors.length; a += 1) {
    if (pending.isFull(a)) errors.add(a, value - pending.oldest(a));
    pending.push(a, forecastAt[a] as number);
  }
  return state;
}

/** Starts the delay lines from the first origin, before any value has arrived. */
export function start(state: ConformalState, forecastAt: readonly number[]): ConformalState {
  state.anchors.forEach((_, a) => state.pending.push(a, forecastAt[a] as number));
  return state;
}

/** Fewest errors held by any anchor up to `steps`. */
export function errorCount(state: ConformalState, steps: number): number {
  let fewest = Infinity;
  state.anchors.forEach((h, a) => {
    if (h <= steps || a === 0) fewest = Math.min(fewest, state.errors.size(a));
  });
  return fewest === Infinity ? 0 : fewest;
}

interface Bracket {
  low: number;
  high: number;
  /** Weight of the upper anchor. */
  weight: number;
  /** √(h / last anchor) past the last anchor, else 1. */
  stretch: number;
}

/** Where `h` sits among the anchors. */
function bracket(anchors: readonly number[], h: number): Bracket {
  const last = anchors.length - 1;
  const lastHorizon = anchors[last] as number;
  if (h >= lastHorizon) return { low: last, high: last, weight: 0, stretch: Math.sqrt(h / lastHorizon) };
  const high = anchors.findIndex((a) => a >= h);
  if (high <= 0 || anchors[high] === h) return { low: high, high, weight: 0, stretch: 1 };
  const a0 = anchors[high - 1] as number;
  return { low: high - 1, high, weight: (h - a0) / ((anchors[high] as number) - a0), stretch: 1 };
}

/**
 * Conformal quantile of anchor a's errors: the finite-sample rank ⌈(n+1)p⌉ (clamped). Upper
 * quantiles are read rounded up and lower ones down, so a value equal to the error a bound
 * was drawn from stays inside the band (error-windows.ts).
 */
function rankQuantile(errors: ErrorWindows, a: number, p: number): number {
  const n = errors.size(a);
  if (n === 0) return 0;
  const k = p >= 0.5 ? Math.ceil((n + 1) * p) : Math.floor((n + 1) * p);
  const at = Math.min(n, Math.max(1, k)) - 1;
  if (p > 0.5) return errors.atLeast(a, at);
  return p < 0.5 ? errors.atMost(a, at) : errors.kth(a, at);
}

/** Error quantiles at probabilities `ps` for each step 1..steps. */
export function errorQuantiles(state: ConformalState, steps: number, ps: readonly number[]): number[][] {
  return errorQuantilesAt(
    state,
    Array.from({ length: steps }, (_, i) => i + 1),
    ps,
  );
}

/** Error quantiles at probabilities `ps` at the given steps ahead only (each ≥ 1). */
export function errorQuantilesAt(
  state: ConformalState,
  horizons: readonly number[],
  ps: readonly number[],
): number[][] {
  const atAnchor = state.anchors.map((_, a) => ps.map((p) => rankQuantile(state.errors, a, p)));
  return horizons.map((h) => {
    const { low, high, weight, stretch } = bracket(state.anchors, h);
    const a = atAnchor[low] as number[];
    const b = atAnchor[high] as number[];
    return ps.map((_, j) => stretch * ((a[j] as number) * (1 - weight) + (b[j] as number) * weight));
  });
}

/** Share of anchor a's errors above `x` (with a half-count so it is never exactly 0 or 1). */
function shareAbove(errors: ErrorWindows, a: number, x: number): number {
  return (errors.countAbove(a, x) + 0.5) / (errors.size(a) + 1);
}

// The breach walk asks for the same steps at every observation: each step's bracket is worked
// out once per set of anchors (a state's, never edited after createConformal), grown on demand.
const knownBrackets = sharedByContents((): Bracket[] => []);

/** The brackets of steps 1..steps for these anchors. */
function bracketsFor(anchors: readonly number[], steps: number): Bracket[] {
  const brackets = knownBrackets(anchors);
  for (let h = brackets.length + 1; h <= steps; h += 1) brackets.push(bracket(anchors, h));
  return brackets;
}

/** P(forecast + error > threshold) for a step whose anchors are `at`. */
function shareBeyond(state: ConformalState, at: Bracket, forecast: number, threshold: number): number {
  const { low, high, weight, stretch } = at;
  const margin = (threshold - forecast) / stretch;
  const a = shareAbove(state.errors, low, margin);
  if (weight === 0) return a;
  return a * (1 - weight) + shareAbove(state.errors, high, margin) * weight;
}

/**
 * P(forecast + error > threshold) at the given steps ahead (ascending, each ≥ 1), from the
 * empirical error distributions: `point[i]` is the forecast `steps[i]` steps ahead.
 */
export function exceedanceAt(
  state: ConformalState,
  steps: readonly number[],
  point: readonly number[],
  threshold: number,
): number[] {
  const brackets = bracketsFor(state.anchors, steps.at(-1) ?? 0);
  return point.map((forecast, i) =>
    shareBeyond(state, brackets[(steps[i] as number) - 1] as Bracket, forecast, threshold),
  );
}
