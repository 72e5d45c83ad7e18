/**
 * Split-conformal prediction intervals from the series' own out-of-sample errors, per
 * horizon. Each anchor horizon h keeps the forecasts made h steps ago in a delay line; when
 * their target arrives, the signed error (actual − forecast) joins a bounded window of
 * recent errors. Interval bounds are the window's empirical quantiles (with the finite-sample
 * rank of split conformal), so they cover as often as they promise whatever the error
 * distribution; horizons between anchors interpolate, horizons past the last grow like √h.
 *
 * Updates edit the state in place (10 000 series move every cycle; copying each window per
 * point was most of the cost). The window is kept twice: in arrival order, to know which
 * error leaves, and sorted, so quantiles and tail shares are a lookup and a binary search.
 */

import { sharedByContents } from '../shared-by-contents.js';
import { upperBound } from '../sorted-search.js';

export interface ConformalState {
  /** Horizons (steps, ascending) whose errors are tracked exactly. */
  anchors: number[];
  window: number;
  /** Per anchor: recent signed errors in arrival order, a ring once `window` long. */
  errors: number[][];
  /** Per anchor: the same errors, ascending. */
  sorted: number[][];
  /** Per anchor: where the ring writes next once full. */
  next: number[];
  /** Per anchor h: a delay line of the last h forecasts for step h; `delay` indexes the oldest. */
  pending: number[][];
  delay: number[];
}

/** Powers of two below the longest horizon, plus the horizons themselves. */
export function anchorHorizons(horizons: readonly number[]): number[] {
  const longest = Math.max(1, ...horizons);
  const anchors = new Set(horizons.filter((h) => h >= 1));
  for (let h = 1; h < longest; h *= 2) anchors.add(h);
  anchors.add(longest);
  return [...anchors].sort((a, b) => a - b);
}

export function createConformal(anchors: readonly number[], window: number): ConformalState {
  return {
    anchors: [...anchors],
    window,
    errors: anchors.map(() => []),
    sorted: anchors.map(() => []),
    next: anchors.map(() => 0),
    pending: anchors.map(() => []),
    delay: anchors.map(() => 0),
  };
}

/**
 * Swaps `leaving` for `entering` in ascending `sorted`, in place: the values between the two
 * positions move by one, rather than the whole tail twice (two splices were an update's cost).
 */
function replaceSorted(sorted: number[], leaving: number, entering: number): void {
  let i = upperBound(sorted, leaving) - 1;
  if (entering >= leaving) {
    for (; i + 1 < sorted.length && (sorted[i + 1] as number) <= entering; i += 1)
      sorted[i] = sorted[i + 1] as number;
  } else {
    for (; i > 0 && (sorted[i - 1] as number) > entering; i -= 1) sorted[i] = sorted[i - 1] as number;
  }
  sorted[i] = entering;
}

function addError(state: ConformalState, a: number, error: number): void {
  const ring = state.errors[a] as number[];
  const sorted = state.sorted[a] as number[];
  if (ring.length < state.window) {
    ring.push(error);
    sorted.splice(upperBound(sorted, error), 0, error);
    return;
  }
  const at = state.next[a] as number;
  replaceSorted(sorted, ring[at] as number, error);
  ring[at] = error;
  state.next[a] = (at + 1) % state.window;
}

/**
 * One step of the calibration: `value` has arrived (every forecast that targeted it becomes
 * an error), and `forecastAt(h)` is the new origin's forecast h steps ahead.
 */
export function advance(state: ConformalState, value: number, forecastAt: readonly number[]): ConformalState {
  state.anchors.forEach((h, a) => {
    const line = state.pending[a] as number[];
    const oldest = state.delay[a] as number;
    if (line.length === h) {
      addError(state, a, value - (line[oldest] as number));
      line[oldest] = forecastAt[a] as number;
      state.delay[a] = (oldest + 1) % h;
    } else line.push(forecastAt[a] as number);
  });
  return state;
}

/** Starts the delay lines from the first origin, before any value has arrived. */
export function start(state: ConformalState, forecastAt: readonly number[]): ConformalState {
  state.anchors.forEach((_, a) => (state.pending[a] as number[]).push(forecastAt[a] as number));
  return state;
}

/** Fewest errors held by any anchor up to `steps`. */
export function errorCount(state: ConformalState, steps: number): number {
  let fewest = Infinity;
  state.anchors.forEach((h, a) => {
    if (h <= steps || a === 0) fewest = Math.min(fewest, (state.errors[a] as number[]).length);
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

/** Conformal quantile of sorted errors: the finite-sample rank ⌈(n+1)p⌉ (clamped). */
function rankQuantile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const k = p >= 0.5 ? Math.ceil((n + 1) * p) : Math.floor((n + 1) * p);
  return sorted[Math.min(n, Math.max(1, k)) - 1] as number;
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
  const atAnchor = state.sorted.map((errors) => ps.map((p) => rankQuantile(errors, p)));
  return horizons.map((h) => {
    const { low, high, weight, stretch } = bracket(state.anchors, h);
    const a = atAnchor[low] as number[];
    const b = atAnchor[high] as number[];
    return ps.map((_, j) => stretch * ((a[j] as number) * (1 - weight) + (b[j] as number) * weight));
  });
}

/** Share of sorted errors above `x` (with a half-count so it is never exactly 0 or 1). */
function shareAbove(sorted: readonly number[], x: number): number {
  return (sorted.length - upperBound(sorted, x) + 0.5) / (sorted.length + 1);
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
  const a = shareAbove(state.sorted[low] as number[], margin);
  if (weight === 0) return a;
  return a * (1 - weight) + shareAbove(state.sorted[high] as number[], margin) * weight;
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
