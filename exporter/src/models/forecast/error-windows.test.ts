import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { ErrorWindows } from './error-windows.js';

/** The plain reference: the last `capacity` values in arrival order, sorted on demand. */
class ReferenceWindow {
  readonly values: number[] = [];
  constructor(private readonly capacity: number) {}
  add(x: number): void {
    this.values.push(Math.fround(x));
    if (this.values.length > this.capacity) this.values.shift();
  }
  sorted(): number[] {
    return [...this.values].sort((a, b) => a - b);
  }
}

function contents(windows: ErrorWindows, w: number): number[] {
  return [...windows.sorted(w)];
}

describe('ErrorWindows', () => {
  it('keeps each window ascending while it fills, without touching its neighbours', () => {
    const windows = new ErrorWindows(3, 4);
    [5, -1, 3].forEach((x) => windows.add(1, x));
    windows.add(0, 7);
    expect(contents(windows, 0)).toEqual([7]);
    expect(contents(windows, 1)).toEqual([-1, 3, 5]);
    expect(contents(windows, 2)).toEqual([]);
    expect(windows.size(1)).toBe(3);
  });

  it('lets the oldest error leave once full, whichever side the new one lands on', () => {
    const windows = new ErrorWindows(1, 3);
    [1, 2, 3].forEach((x) => windows.add(0, x));
    windows.add(0, 10); // 1 leaves, 10 enters above
    expect(contents(windows, 0)).toEqual([2, 3, 10]);
    windows.add(0, -4); // 2 leaves, −4 enters below
    expect(contents(windows, 0)).toEqual([-4, 3, 10]);
    windows.add(0, 3); // 3 leaves, an equal 3 enters
    expect(contents(windows, 0)).toEqual([-4, 3, 10]);
    expect(windows.size(0)).toBe(3);
  });

  // 300 needs two-byte arrival tags.
  it.each([25, 300])(
    'answers ranks and counts as a sorted reference of %i does, through evictions',
    (capacity) => {
      const random = mulberry32(17);
      const windows = new ErrorWindows(4, capacity);
      const references = Array.from({ length: 4 }, () => new ReferenceWindow(capacity));
      for (let i = 0; i < 16 * capacity + 1000; i += 1) {
        const w = i % 4;
        // Few distinct values, so ties are common; some far from the rest.
        const x = random() < 0.1 ? (random() - 0.5) * 1e6 : Math.round(random() * 8) / 3;
        windows.add(w, x);
        references[w]!.add(x);
        if (i % 97 !== 0) continue;
        for (let v = 0; v < 4; v += 1) {
          const expected = references[v]!.sorted();
          expect(contents(windows, v)).toEqual(expected);
          expect(expected.map((_, k) => windows.kth(v, k))).toEqual(expected);
          const probe = Math.round(random() * 8) / 3;
          expect(windows.countAbove(v, probe)).toBe(expected.filter((e) => e > Math.fround(probe)).length);
        }
      }
    },
  );

  it('keeps errors to Float32 and leaves NaN out', () => {
    const windows = new ErrorWindows(1, 5);
    windows.add(0, 0.1);
    windows.add(0, NaN);
    expect(windows.size(0)).toBe(1);
    expect(windows.kth(0, 0)).toBe(Math.fround(0.1));
  });

  it('reads bounds outwards, so a value equal to an error is never outside its bound', () => {
    const random = mulberry32(5);
    for (let i = 0; i < 2000; i += 1) {
      const error = (random() - 0.5) * 10 ** Math.floor(random() * 12 - 6);
      const windows = new ErrorWindows(1, 1);
      windows.add(0, error);
      expect(windows.atLeast(0, 0)).toBeGreaterThanOrEqual(error);
      expect(windows.atMost(0, 0)).toBeLessThanOrEqual(error);
      // Far less than the spread of any interval: within two Float32 steps of the error.
      expect(Math.abs(windows.atLeast(0, 0) - error)).toBeLessThanOrEqual(Math.abs(error) * 2 ** -22);
    }
  });

  it('counts a tie as a tie, though the error was rounded', () => {
    const windows = new ErrorWindows(1, 5);
    [0.1, 0.2, 0.3].forEach((x) => windows.add(0, x));
    expect(windows.countAbove(0, 0.2)).toBe(1);
    expect(windows.countAbove(0, 0.19)).toBe(2);
    expect(windows.countAbove(0, 0.3)).toBe(0);
  });

  it('refuses a shape with no room', () => {
    expect(() => new ErrorWindows(0, 10)).toThrow(/≥ 1 window/);
    expect(() => new ErrorWindows(2, 0)).toThrow(/≥ 1 window/);
  });
});
