import { medianAbsoluteDeviation, median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { RobustWindow } from './robust-window.js';
import { seededGaussian } from './synthetic-series.js';

describe('RobustWindow', () => {
  it.each([5, 6, 60])('matches simple-statistics median and MAD over a sliding window of %i', (capacity) => {
    const gaussian = seededGaussian(capacity);
    const values = Array.from({ length: 200 }, (_, i) =>
      i % 17 === 0 ? 50 : Math.round(gaussian() * 4) / 2,
    );
    const window = new RobustWindow(capacity);
    values.forEach((value, i) => {
      window.push(value);
      const inside = values.slice(Math.max(0, i + 1 - capacity), i + 1);
      const steps = inside.slice(1).map((v, j) => Math.abs(v - (inside[j] as number)));
      expect(window.count).toBe(inside.length);
      expect(window.median()).toBeCloseTo(median(inside), 12);
      expect(window.mad(window.median())).toBeCloseTo(medianAbsoluteDeviation(inside), 12);
      expect(window.meanAbsStep()).toBeCloseTo(
        steps.length ? steps.reduce((a, b) => a + b) / steps.length : 0,
        9,
      );
    });
  });
});
