import { describe, expect, it } from 'vitest';
import { ReadCursor } from './cursor.js';

const STEP = 1000;

describe('ReadCursor', () => {
  it('backfills the lookback first, then reads only what is new', () => {
    const cursor = new ReadCursor(STEP, 60_000);
    const first = cursor.pending('s', 100_500)!;
    expect(first).toEqual({ signal: 's', startMs: 41_000, endMs: 100_000, backfill: true });
    cursor.advance('s', first.endMs);
    expect(cursor.pending('s', 100_900)).toBeUndefined(); // no new grid point yet
    expect(cursor.pending('s', 101_200)).toEqual({
      signal: 's',
      startMs: 101_000,
      endMs: 101_000,
      backfill: false,
    });
  });

  it('never hands out an evaluation time twice across successive reads', () => {
    const cursor = new ReadCursor(STEP, 10_000);
    const seen: number[] = [];
    for (let now = 20_000; now < 40_000; now += 700) {
      const range = cursor.pending('s', now);
      if (!range) continue;
      for (let t = range.startMs; t <= range.endMs; t += STEP) seen.push(t);
      cursor.advance('s', range.endMs);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('reads the whole gap after failed reads (no advance), and no more than the lookback', () => {
    const cursor = new ReadCursor(STEP, 60_000);
    cursor.advance('s', 100_000);
    // Reads at 101 s … 130 s failed: nothing advanced. The next read covers the gap.
    expect(cursor.pending('s', 131_000)).toEqual({
      signal: 's',
      startMs: 101_000,
      endMs: 131_000,
      backfill: false,
    });
    expect(cursor.pending('s', 1_000_000)!.startMs).toBe(940_000);
  });

  it('resumes from a stored sample instead of backfilling, and never moves back', () => {
    const cursor = new ReadCursor(STEP, 60_000);
    cursor.resume('s', 95_400);
    expect(cursor.pending('s', 100_000)).toEqual({
      signal: 's',
      startMs: 96_000,
      endMs: 100_000,
      backfill: false,
    });
    cursor.advance('s', 90_000);
    expect(cursor.pending('s', 100_000)!.startMs).toBe(96_000);
  });
});
