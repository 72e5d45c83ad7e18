import { describe, expect, it } from 'vitest';
import { SeriesMap } from './series-map.js';

describe('SeriesMap', () => {
  it('keeps a value per (signal, service), replacing on set, and lists every value', () => {
    const map = new SeriesMap<number>();
    map.set('errors', 'api', 1);
    map.set('errors', 'web', 2);
    map.set('latency', 'api', 3);
    map.set('errors', 'api', 4);
    expect(map.get('errors', 'api')).toBe(4);
    expect(map.get('latency', 'web')).toBeUndefined();
    expect(map.get('other', 'api')).toBeUndefined();
    expect(map.values()).toEqual([4, 2, 3]);
  });
});
