/**
 * The steps ahead at which a breach is looked for. Every step while they are few, then
 * steps about 1/8 of their distance apart (a 24 h horizon in 5-minute steps is looked at
 * every 3 hours near its end), and every horizon itself. Working out all 288 steps of
 * that horizon at every observation of every series was most of a refit's CPU; a path's
 * maximum between two looks 12% apart is what the grid gives up, and the calibration (which
 * learns from the same grid) absorbs what that costs. `omen eval breach` measures it.
 */
import { sharedByContents } from '../shared-by-contents.js';

const RESOLUTION = 8;

/**
 * Ascending steps from 1 to the longest horizon; `horizons` ascending, each ≥ 1 (a breach
 * state's, never edited after createBreachState). One grid per set of horizons.
 */
export const breachGrid: (horizons: readonly number[]) => readonly number[] = sharedByContents(gridOf);

function gridOf(horizons: readonly number[]): readonly number[] {
  const steps = new Set(horizons);
  const longest = horizons.at(-1) ?? 0;
  for (let h = 1; h <= longest; h += Math.max(1, Math.floor(h / RESOLUTION))) steps.add(h);
  return [...steps].sort((a, b) => a - b);
}
