/**
 * Split-conformal prediction intervals from the series' own out-of-sample errors, per
 * horizon. Each anchor horizon h keeps the forecasts made h steps ago; when their target
 * arrives, the signed error (actual − forecast) joins a bounded window of recent errors.
 * Interval bounds are the window's empirical quantiles (with the finite-sample rank of
 * split conformal), so they cover as often as they promise whatever the error distribution;
 * horizons between anchors interpolate, horizons past the last grow like √h.
 */

export interface ConformalState {
  /** Horizons (steps, ascending) whose errors are tracked exactly. */
  anchors: number[];
  window: number;
  /** Per anchor: recent signed errors, a ring once `window` long. */
  errors: number[][];
  /** Per anchor: where the ring writes next once full. */
  next: number[];
  /** Per anchor: forecasts awaiting their target, oldest origin first. */
  pending: number[][];
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
    next: anchors.map(() => 0),
    pending: anchors.map(() => []),
  };
}

/** The state after `value` arrives: every forecast that targeted it becomes an error. */
export function observe(state: ConformalState, value: number): ConformalState {
  const errors = state.errors.slice();
  const next = state.next.slice();
  const pending = state.pending.map((queue, a) => {
    const h = state.anchors[a] as number;
    if (queue.length < h) return queue;
    const ring = (errors[a] as number[]).slice();
    const error = value - (queue[0] as number);
    if (ring.length < state.window) ring.push(error);
    else {
      ring[next[a] as number] = error;
      next[a] = ((next[a] as number) + 1) % state.window;
    }
    errors[a] = ring;
    return queue.slice(1);
  });
  return { ...state, errors, next, pending };
}

/** The state after forecasting from a new origin: `point[h-1]` awaits the value h steps on. */
export function record(state: ConformalState, point: readonly number[]): ConformalState {
  const pending = state.pending.map((queue, a) => [
    ...queue,
    point[(state.anchors[a] as number) - 1] as number,
  ]);
  return { ...state, pending };
}

/** Fewest errors held by any anchor up to `steps`. */
export function errorCount(state: ConformalState, steps: number): number {
  let fewest = Infinity;
  state.anchors.forEach((h, a) => {
    if (h <= steps || a === 0) fewest = Math.min(fewest, (state.errors[a] as number[]).length);
  });
  return fewest === Infinity ? 0 : fewest;
}

/** Where `h` sits among the anchors: the two to blend, the upper one's weight, and the √h stretch past the last. */
function bracket(
  anchors: readonly number[],
  h: number,
): { low: number; high: number; weight: number; stretch: number } {
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

function sortedErrors(state: ConformalState): number[][] {
  return state.errors.map((ring) => ring.slice().sort((a, b) => a - b));
}

/** Error quantiles at probabilities `ps` for each step 1..steps. */
export function errorQuantiles(state: ConformalState, steps: number, ps: readonly number[]): number[][] {
  const sorted = sortedErrors(state);
  const atAnchor = sorted.map((errors) => ps.map((p) => rankQuantile(errors, p)));
  return Array.from({ length: steps }, (_, i) => {
    const { low, high, weight, stretch } = bracket(state.anchors, i + 1);
    const a = atAnchor[low] as number[];
    const b = atAnchor[high] as number[];
    return ps.map((_, j) => stretch * ((a[j] as number) * (1 - weight) + (b[j] as number) * weight));
  });
}

/** Share of sorted errors above `x` (with a half-count so it is never exactly 0 or 1). */
function shareAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return (sorted.length - lo + 0.5) / (sorted.length + 1);
}

/** P(point[h-1] + error > threshold) for each step, from the empirical error distributions. */
export function exceedance(state: ConformalState, point: readonly number[], threshold: number): number[] {
  const sorted = sortedErrors(state);
  return point.map((forecast, i) => {
    const { low, high, weight, stretch } = bracket(state.anchors, i + 1);
    const margin = (threshold - forecast) / stretch;
    const a = shareAbove(sorted[low] as number[], margin);
    const b = shareAbove(sorted[high] as number[], margin);
    return a * (1 - weight) + b * weight;
  });
}
