import { describe, expect, it } from 'vitest';
import { seriesKey } from './sample.js';

describe('seriesKey', () => {
  it('is the same whatever order the labels were written in', () => {
    expect(seriesKey('up', { job: 'a', instance: 'b' })).toBe(seriesKey('up', { instance: 'b', job: 'a' }));
  });

  it('tells apart series that differ in a name, a label or a value', () => {
    const keys = [
      seriesKey('up', { a: 'x' }),
      seriesKey('up', { b: 'x' }),
      seriesKey('up', { a: 'y' }),
      seriesKey('down', { a: 'x' }),
      seriesKey('up', {}),
      seriesKey('up', { a: 'x', b: '' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps values holding NUL apart from what the separator could make of them', () => {
    expect(seriesKey('up', { a: 'x\u0000b\u0000y' })).not.toBe(seriesKey('up', { a: 'x', b: 'y' }));
  });
});
