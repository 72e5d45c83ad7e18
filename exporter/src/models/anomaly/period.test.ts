import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { detectPeriod } from './period.js';

const PARAMS = { minPeriod: 4, maxPeriod: 1000, minAutocorrelation: 0.3 };

function series(n: number, f: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i));
}

describe('detectPeriod', () => {
  it('finds a daily cycle of 288 points, exactly without noise and within a point under it', () => {
    const clean = series(1200, (i) => 10 * Math.sin((2 * Math.PI * i) / 288));
    expect(detectPeriod(clean, PARAMS)).toBe(288);
    // Four periods pin the ACF peak down to about a point: its top is flat under noise.
    const random = mulberry32(3);
    const noisy = series(1200, (i) => 10 * Math.sin((2 * Math.PI * i) / 288) + random());
    expect(Math.abs((detectPeriod(noisy, PARAMS) as number) - 288)).toBeLessThanOrEqual(1);
  });

  it('names the fundamental, not a multiple', () => {
    const random = mulberry32(5);
    const values = series(2000, (i) => Math.sin((2 * Math.PI * i) / 40) + 0.3 * random());
    expect(detectPeriod(values, PARAMS)).toBe(40);
  });

  it('finds a square wave’s period', () => {
    const values = series(400, (i) => (Math.floor(i / 25) % 2 === 0 ? 1 : 0));
    expect(detectPeriod(values, PARAMS)).toBe(50);
  });

  it('finds none in white noise, a flat line or a trend', () => {
    const random = mulberry32(11);
    expect(
      detectPeriod(
        series(2000, () => random()),
        PARAMS,
      ),
    ).toBeNull();
    expect(
      detectPeriod(
        series(2000, () => 4),
        PARAMS,
      ),
    ).toBeNull();
    expect(
      detectPeriod(
        series(2000, (i) => i * 0.5),
        PARAMS,
      ),
    ).toBeNull();
  });

  it('needs three periods’ worth of points before it answers', () => {
    expect(
      detectPeriod(
        series(10, (i) => i % 4),
        PARAMS,
      ),
    ).toBeNull();
  });

  it('skips missing points', () => {
    const values = series(1200, (i) => (i % 97 === 0 ? NaN : Math.sin((2 * Math.PI * i) / 60)));
    expect(detectPeriod(values, PARAMS)).toBe(60);
  });
});
