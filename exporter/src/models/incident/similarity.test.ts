import { describe, expect, it } from 'vitest';
import { jaccard, similarIncidents } from './similarity.js';

const sig = (id: string, series: string[], topCause: string | null = null) => ({ id, series, topCause });

describe('similar incidents', () => {
  it('measures shared series by Jaccard similarity', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(jaccard(['a'], ['a'])).toBe(1);
    expect(jaccard([], [])).toBe(0);
  });

  it('ranks past incidents by shared series, then by the same cause, leaving out itself and strangers', () => {
    const target = sig('9', ['error_ratio/frontend', 'latency/api', 'latency/db'], 'latency/db');
    const found = similarIncidents(
      target,
      [
        target,
        sig('1', ['error_ratio/frontend', 'latency/api'], 'latency/api'),
        sig('2', ['error_ratio/frontend', 'latency/api'], 'latency/db'),
        sig('3', ['latency/search']),
        sig('4', ['error_ratio/frontend', 'latency/api', 'latency/db']),
      ],
      3,
    );
    expect(found).toEqual([
      { id: '4', similarity: 1, sameCause: false },
      { id: '2', similarity: 2 / 3, sameCause: true },
      { id: '1', similarity: 2 / 3, sameCause: false },
    ]);
  });
});
