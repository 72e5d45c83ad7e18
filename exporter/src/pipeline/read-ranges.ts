/**
 * The time ranges a cycle reads from the store: the detector's recent history, plus the
 * same span leading up to the same phase in each past season for seasonal signals (each
 * recent point is compared with its own phase) — not every sample in between, so a daily
 * season costs a few hundred points per series, not days of them.
 */
import type { TimeRange } from '../store/store.js';

export function readRanges(input: {
  nowMs: number;
  intervalMs: number;
  historyPoints: number;
  seasonsMs: Iterable<number>;
  seasonsBack: number;
}): TimeRange[] {
  const { nowMs, intervalMs, historyPoints, seasonsBack } = input;
  // A little slack so missed cycles or a late sample do not cut the history short.
  const spanMs = Math.ceil(historyPoints * 1.1 + 2) * intervalMs;
  const ranges: TimeRange[] = [{ fromMs: nowMs - spanMs, toMs: nowMs + 1 }];
  // Past phases reach a few steps beyond now's phase: the phase tolerance looks both ways.
  const aheadMs = 4 * intervalMs;
  for (const seasonMs of new Set(input.seasonsMs)) {
    for (let k = 1; k <= seasonsBack; k += 1) {
      const phase = nowMs - k * seasonMs;
      ranges.push({ fromMs: phase - spanMs, toMs: phase + aheadMs });
    }
  }
  return ranges;
}
