import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { resolveServiceForestParams, scoreServiceVector, trainServiceForest } from './service-forest.js';

const random = mulberry32(11);
const params = resolveServiceForestParams();

/** Traffic and errors rise and fall together (a busy service fails more, in absolute terms). */
function history(n: number): number[][] {
  return Array.from({ length: n }, () => {
    const load = random();
    return [100 + 50 * load, 1 + 0.5 * load + 0.02 * random()];
  });
}

describe('service isolation forest', () => {
  const model = trainServiceForest(history(600), params, random);

  it('scores a usual vector low and a combination never seen high', () => {
    const usual = scoreServiceVector(model, [125, 1.25]);
    // Each value is inside its own range; together they are not (busy, but few errors).
    const unusual = scoreServiceVector(model, [148, 1.02]);
    expect(usual.score).toBeLessThan(0.9);
    expect(unusual.score).toBeGreaterThan(0.95);
    expect(unusual.score).toBeGreaterThan(usual.score);
  });

  it('scores a vector far outside every member at the top, and names the member that moved', () => {
    const far = scoreServiceVector(model, [125, 9]);
    // Bounded by the training sample: about the top 1% of it.
    expect(far.score).toBeGreaterThan(0.97);
    expect(far.driver).toBe(1);
    expect(far.driverZ).toBeGreaterThan(10);
  });

  it('is about uniform on vectors like its training ones (calibrated)', () => {
    const fresh = history(400).map((v) => scoreServiceVector(model, v).score);
    const high = fresh.filter((s) => s >= 0.9).length / fresh.length;
    expect(high).toBeGreaterThan(0.03);
    expect(high).toBeLessThan(0.2);
  });

  it('refuses too little history and bad parameters, naming them', () => {
    expect(() => trainServiceForest(history(10), params, random)).toThrow(/needs 60 vectors/);
    expect(() => resolveServiceForestParams({ trees: 0 })).toThrow(/trees must be an integer/);
  });
});
