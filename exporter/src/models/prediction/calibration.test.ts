import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { BIN_EDGES, binOf, calibrate, CalibrationBins, isotonic } from './calibration.js';

describe('isotonic', () => {
  it('pools adjacent violators into their weighted mean', () => {
    expect(isotonic([0.1, 0.3, 0.2, 0.4], [1, 1, 1, 1])).toEqual([0.1, 0.25, 0.25, 0.4]);
    for (const v of isotonic([0.5, 0.1, 0.1], [2, 1, 1])) expect(v).toBeCloseTo(0.3, 12);
  });

  it('leaves a non-decreasing sequence alone', () => {
    expect(isotonic([0, 0.2, 0.2, 0.9], [3, 1, 4, 1])).toEqual([0, 0.2, 0.2, 0.9]);
  });
});

describe('calibrate', () => {
  it('says the raw probability while nothing has been seen', () => {
    const bins = new CalibrationBins(1);
    expect(calibrate(bins, 0, 0.42, 20)).toBeCloseTo(0.45, 9); // centre of the 0.4–0.5 bin
  });

  it('learns that a raw 0.3 breached 9 times in 10', () => {
    const bins = new CalibrationBins(1);
    for (let i = 0; i < 1000; i += 1) bins.add(0, 0.3, i % 10 !== 0);
    // 900 of 1000 plus 20 pseudo-outcomes at 0.3, pooled with the (empty) bins above it.
    expect(calibrate(bins, 0, 0.31, 20)).toBeGreaterThan(0.85);
    // Monotone: a higher raw probability, never seen, is not said to be less likely.
    expect(calibrate(bins, 0, 0.6, 20)).toBeGreaterThanOrEqual(calibrate(bins, 0, 0.31, 20));
  });

  it('shrinks a bin with few outcomes towards its raw probability', () => {
    const bins = new CalibrationBins(1);
    bins.add(0, 0.05, true);
    const p = calibrate(bins, 0, 0.05, 20);
    expect(p).toBeGreaterThan(0.05);
    expect(p).toBeLessThan(0.15);
  });

  it('bins 1 into the last bin', () => {
    expect(binOf(1)).toBe(binOf(0.99));
  });
});

describe('CalibrationBins', () => {
  it('counts as three arrays per horizon would, every horizon apart', () => {
    const horizons = 4;
    const bins = new CalibrationBins(horizons);
    const reference = Array.from({ length: horizons }, () => ({
      count: BIN_EDGES.slice(1).map(() => 0),
      hits: BIN_EDGES.slice(1).map(() => 0),
      rawSum: BIN_EDGES.slice(1).map(() => 0),
    }));
    const random = mulberry32(8);
    for (let i = 0; i < 5000; i += 1) {
      const h = Math.floor(random() * horizons);
      const raw = random() < 0.1 ? 1 : random() ** 3;
      const breached = random() < raw;
      bins.add(h, raw, breached);
      const b = binOf(raw);
      const r = reference[h]!;
      r.count[b] = r.count[b]! + 1;
      if (breached) r.hits[b] = r.hits[b]! + 1;
      r.rawSum[b] = r.rawSum[b]! + raw;
    }
    reference.forEach((r, h) => {
      expect(r.count.map((_, b) => bins.count(h, b))).toEqual(r.count);
      expect(r.hits.map((_, b) => bins.hits(h, b))).toEqual(r.hits);
      // The same sums in the same order: the same bits.
      expect(r.rawSum.map((_, b) => bins.rawSum(h, b))).toEqual(r.rawSum);
    });
  });
});
