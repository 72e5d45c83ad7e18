import { describe, expect, it } from 'vitest';
import { readRanges } from './read-ranges.js';

describe('readRanges', () => {
  it('reads the recent window plus the same phase of each past season, once per distinct season', () => {
    const ranges = readRanges({
      nowMs: 10_000_000,
      intervalMs: 15_000,
      windowPoints: 60,
      seasonsMs: [1_440_000, 1_440_000],
      seasonsBack: 2,
    });
    expect(ranges).toEqual([
      { fromMs: 10_000_000 - 77 * 15_000, toMs: 10_000_001 },
      { fromMs: 10_000_000 - 1_440_000 - 60_000, toMs: 10_000_000 - 1_440_000 + 60_000 },
      { fromMs: 10_000_000 - 2_880_000 - 60_000, toMs: 10_000_000 - 2_880_000 + 60_000 },
    ]);
  });

  it('reads only the recent window for signals without a season', () => {
    expect(readRanges({ nowMs: 0, intervalMs: 1_000, windowPoints: 20, seasonsMs: [], seasonsBack: 3 })).toHaveLength(1);
  });
});
