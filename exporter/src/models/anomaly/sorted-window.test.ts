import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { SortedWindow } from './sorted-window.js';

describe('SortedWindow', () => {
  it('keeps its values ascending through inserts and removals', () => {
    const window = new SortedWindow(10);
    [5, 1, 4, 1, 3].forEach((v) => window.insert(v));
    expect([...window.sorted]).toEqual([1, 1, 3, 4, 5]);
    expect(window.remove(1)).toBe(true);
    expect(window.remove(2)).toBe(false);
    expect([...window.sorted]).toEqual([1, 3, 4, 5]);
  });

  it('counts values above, equal to and below a point', () => {
    const window = new SortedWindow(10);
    [2, 2, 2, 7, 9, 0].forEach((v) => window.insert(v));
    expect(window.counts(2)).toEqual({ n: 6, greater: 2, equal: 3, less: 1 });
    expect(window.counts(10)).toEqual({ n: 6, greater: 0, equal: 0, less: 6 });
  });

  it('ignores NaN, as the rings mark missing points', () => {
    const window = new SortedWindow(3);
    window.insert(NaN);
    expect(window.size).toBe(0);
    expect(window.remove(NaN)).toBe(false);
  });

  it('matches a sort of the same sliding window', () => {
    const random = mulberry32(9);
    const window = new SortedWindow(50);
    const recent: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const v = Math.fround(Math.floor(random() * 20) / 4);
      if (recent.length === 50) expect(window.remove(recent.shift() as number)).toBe(true);
      window.insert(v);
      recent.push(v);
    }
    expect([...window.sorted]).toEqual([...recent].sort((a, b) => a - b));
  });
});
