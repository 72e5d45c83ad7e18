/**
 * The steps ahead at which a breach is looked for. Every step while they are few, then
 * steps about 1/8 of their distance apart (a 24 h horizon in 5-minute steps is looked at
 * every 3 hours near its end), and every horizon itself. Working out all 288 steps of
 * that horizon at every observation of every series was most of a refit's CPU; a path's
 * maximum between two looks 12% apart is what the grid gives up, and the calibration (which
 * learns from the same grid) absorbs what that costs. `omen eval breach` measures it.
 */
const RESOLUTION = 8;

// One grid per set of horizons, shared by every series with that set; each series' horizons
// array (never edited after createBreachState) finds it without building the key again.
const gridsByKey = new Map<string, readonly number[]>();
const grids = new WeakMap<readonly number[], readonly number[]>();

/** Ascending steps from 1 to the longest horizon; `horizons` ascending, each ≥ 1. */
export function breachGrid(horizons: readonly number[]): readonly number[] {
  let grid = grids.get(horizons);
  if (!grid) {
    const key = horizons.join(',');
    grid = gridsByKey.get(key) ?? gridOf(horizons);
    gridsByKey.set(key, grid);
    grids.set(horizons, grid);
  }
  return grid;
}

function gridOf(horizons: readonly number[]): readonly number[] {
  const steps = new Set(horizons);
  const longest = horizons.at(-1) ?? 0;
  for (let h = 1; h <= longest; h += Math.max(1, Math.floor(h / RESOLUTION))) steps.add(h);
  return [...steps].sort((a, b) => a - b);
}
