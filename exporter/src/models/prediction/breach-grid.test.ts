import { describe, expect, it } from 'vitest';
import { breachGrid } from './breach-grid.js';
import { firstPassage } from './breach-predictor.js';

describe('breach grid', () => {
  it('looks at every step while they are few, then about 1/8 of the distance apart, and at every horizon', () => {
    const grid = breachGrid([3, 12, 72, 288]);
    expect(grid.slice(0, 15)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    for (const h of [3, 12, 72, 288]) expect(grid).toContain(h);
    expect(grid.at(-1)).toBe(288);
    const gaps = grid.slice(1).map((step, i) => step - (grid[i] as number));
    gaps.forEach((gap, i) =>
      expect(gap).toBeLessThanOrEqual(Math.max(1, Math.floor((grid[i] as number) / 8))),
    );
    expect(grid.length).toBeLessThan(45); // instead of 288 looks per observation
  });

  it('is every step for short horizons, as `omen eval breach` uses by default', () => {
    expect(breachGrid([12])).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('takes each horizon’s first passage over the looks within it', () => {
    // Looks at steps 1, 2, 4 and 8: the horizon of 4 sees the first three, the one of 3 only two.
    expect(firstPassage([0.1, 0.2, 0.6, 0.3], [3, 4, 8], [1, 2, 4, 8])).toEqual([
      1 - 0.8 ** 2,
      1 - 0.4 ** 2,
      1 - 0.4 ** 2,
    ]);
  });
});
