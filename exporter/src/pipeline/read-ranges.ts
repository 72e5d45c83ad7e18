/**
 * The time ranges a cycle reads from the store: the recent rolling window, plus the same
 * phase in each of the past seasons for seasonal signals — not every sample in between,
 * so a daily season costs a few dozen points per series, not days of them.
 */
import type { TimeRange } from '../store/store.js';

export function readRanges(input: {
  nowMs: number;
  intervalMs: number;
  windowPoints: number;
  seasonsMs: Iterable<number>;
  seasonsBack: number;
}): TimeRange[] {
  const { nowMs, intervalMs, windowPoints, seasonsBack } = input;
  // A little slack so a late sample at the window's edge is not cut off.
  const recentMs = Math.ceil(windowPoints * 1.25 + 2) * intervalMs;
  const ranges: TimeRange[] = [{ fromMs: nowMs - recentMs, toMs: nowMs + 1 }];
  const halfPhaseMs = Math.max(intervalMs * 4, 60_000);
  for (const seasonMs of new Set(input.seasonsMs)) {
    for (let k = 1; k <= seasonsBack; k += 1) {
      const centre = nowMs - k * seasonMs;
      ranges.push({ fromMs: centre - halfPhaseMs, toMs: centre + halfPhaseMs });
    }
  }
  return ranges;
}
