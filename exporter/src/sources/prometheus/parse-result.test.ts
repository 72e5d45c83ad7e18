import { describe, expect, it } from 'vitest';
import { parseResult, ResultShapeError } from './parse-result.js';

describe('parseResult', () => {
  it('reads a matrix into samples, service from the `by` labels', () => {
    const data = {
      resultType: 'matrix',
      result: [
        {
          metric: { service: 'payments', env: 'prod' },
          values: [
            [1700000000, '0.5'],
            [1700000001.5, '1e-3'],
          ],
        },
        { metric: { service: 'catalog', env: 'prod' }, values: [[1700000000, '0']] },
      ],
    };
    expect(parseResult(data, 'error_ratio', ['env', 'service'])).toEqual({
      samples: [
        { signal: 'error_ratio', service: 'prod/payments', timestampMs: 1_700_000_000_000, value: 0.5 },
        { signal: 'error_ratio', service: 'prod/payments', timestampMs: 1_700_000_001_500, value: 0.001 },
        { signal: 'error_ratio', service: 'prod/catalog', timestampMs: 1_700_000_000_000, value: 0 },
      ],
      badValues: 0,
      unlabelled: 0,
      duplicates: 0,
    });
  });

  it('reads a vector', () => {
    const data = { resultType: 'vector', result: [{ metric: { service: 'a' }, value: [12.25, '3'] }] };
    expect(parseResult(data, 's', ['service']).samples).toEqual([
      { signal: 's', service: 'a', timestampMs: 12_250, value: 3 },
    ]);
  });

  it('counts and drops NaN, ±Inf and malformed values, keeping the good ones', () => {
    const data = {
      resultType: 'matrix',
      result: [
        {
          metric: { service: 'a' },
          values: [
            [1, 'NaN'],
            [2, '+Inf'],
            [3, '-Inf'],
            [4, 'x'],
            [5, 7],
            [6, '2'],
          ],
        },
      ],
    };
    const parsed = parseResult(data, 's', ['service']);
    expect(parsed.samples).toEqual([{ signal: 's', service: 'a', timestampMs: 6000, value: 2 }]);
    expect(parsed.badValues).toBe(5);
  });

  it('skips and counts series missing a `by` label (or with it empty) and second series of a service', () => {
    const data = {
      resultType: 'vector',
      result: [
        { metric: { job: 'x' }, value: [1, '1'] },
        { metric: { service: '' }, value: [1, '1'] },
        { metric: { service: 'a', instance: '1' }, value: [1, '1'] },
        { metric: { service: 'a', instance: '2' }, value: [1, '2'] },
      ],
    };
    const parsed = parseResult(data, 's', ['service']);
    expect(parsed.samples).toHaveLength(1);
    expect(parsed).toMatchObject({ unlabelled: 2, duplicates: 1 });
  });

  it('rejects a scalar or a shapeless answer', () => {
    expect(() => parseResult({ resultType: 'scalar', result: [1, '1'] }, 's', ['service'])).toThrow(
      ResultShapeError,
    );
    expect(() => parseResult(undefined, 's', ['service'])).toThrow('no result list');
  });
});
