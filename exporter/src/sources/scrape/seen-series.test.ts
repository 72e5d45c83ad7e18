import { describe, expect, it } from 'vitest';
import { SeenSeries } from './seen-series.js';

const sample = (name: string, labels: Record<string, string>) => ({ name, labels, value: 1 });

describe('SeenSeries', () => {
  it('tells a repeat from a different series with the same hash', () => {
    const seen = new SeenSeries();
    expect(seen.admit(7, sample('m', { a: '1' }))).toBe(true);
    expect(seen.admit(7, sample('m', { a: '2' }))).toBe(true);
    expect(seen.admit(7, sample('n', { a: '1' }))).toBe(true);
    expect(seen.admit(7, sample('m', { a: '1', b: '' }))).toBe(true);
    expect(seen.admit(7, sample('m', { a: '2' }))).toBe(false);
    expect(seen.admit(7, sample('m', { a: '1' }))).toBe(false);
    expect(seen.admit(8, sample('m', { a: '1' }))).toBe(true);
    expect(seen.samples.map((s) => s.labels)).toEqual([
      { a: '1' },
      { a: '2' },
      { a: '1' },
      { a: '1', b: '' },
      { a: '1' },
    ]);
  });

  it('keeps every series while it grows past its first size', () => {
    const seen = new SeenSeries(4);
    for (let i = 0; i < 5000; i += 1) expect(seen.admit(i % 97, sample('m', { i: String(i) }))).toBe(true);
    for (let i = 0; i < 5000; i += 1) expect(seen.admit(i % 97, sample('m', { i: String(i) }))).toBe(false);
    expect(seen.samples).toHaveLength(5000);
  });
});
