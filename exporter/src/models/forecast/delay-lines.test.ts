import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { DelayLines } from './delay-lines.js';

describe('DelayLines', () => {
  it('gives back, once full, the value pushed `length` pushes ago, line by line', () => {
    const lengths = [1, 2, 5];
    const lines = new DelayLines(lengths);
    const history: number[][] = lengths.map(() => []);
    const random = mulberry32(3);
    for (let t = 0; t < 40; t += 1) {
      lengths.forEach((h, i) => {
        const past = history[i]!;
        expect(lines.isFull(i)).toBe(past.length >= h);
        if (past.length >= h) expect(lines.oldest(i)).toBe(past[past.length - h]);
        const value = random() * 1e9 + 1 / 3; // needs Float64
        lines.push(i, value);
        past.push(value);
      });
    }
  });

  it('keeps probabilities to Float32 when asked, in the same order', () => {
    const lines = new DelayLines([2], 'float32');
    for (const p of [0.1, 0.7, 0.3]) lines.push(0, p);
    expect(lines.oldest(0)).toBe(Math.fround(0.7));
    lines.push(0, 0.9);
    expect(lines.oldest(0)).toBe(Math.fround(0.3));
  });

  it('is not full before its length has been pushed', () => {
    const lines = new DelayLines([3]);
    lines.push(0, 1);
    lines.push(0, 2);
    expect(lines.isFull(0)).toBe(false);
    lines.push(0, 3);
    expect(lines.isFull(0)).toBe(true);
    expect(lines.oldest(0)).toBe(1);
  });

  it('refuses a length that is not a whole number of steps', () => {
    expect(() => new DelayLines([2, 0])).toThrow(/whole lengths ≥ 1/);
    expect(() => new DelayLines([1.5])).toThrow(/whole lengths ≥ 1/);
  });
});
