import { describe, expect, it } from 'vitest';
import { readRanges } from './read-ranges.js';

describe('readRanges', () => {
  it('reads the recent history plus the span before the same phase of each past season, once per season', () => {
    const now = 100_000_000;
    const ranges = readRanges({
      nowMs: now,
      intervalMs: 15_000,
      historyPoints: 300,
      seasonsMs: [86_400_000, 86_400_000],
      seasonsBack: 2,
    });
    const span = 332 * 15_000;
    expect(ranges).toEqual([
      { fromMs: now - span, toMs: now + 1 },
      { fromMs: now - 86_400_000 - span, toMs: now - 86_400_000 + 60_000 },
      { fromMs: now - 172_800_000 - span, toMs: now - 172_800_000 + 60_000 },
    ]);
  });

  it('reads only the recent window for signals without a season', () => {
    expect(
      readRanges({ nowMs: 0, intervalMs: 1_000, historyPoints: 20, seasonsMs: [], seasonsBack: 3 }),
    ).toHaveLength(1);
  });
});
