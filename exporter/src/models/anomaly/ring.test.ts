import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { Ring } from './ring.js';

/** The plain reference: at() age by age, newest first, NaN skipped. */
function referenceMean(ring: Ring, age: number, n: number): number {
  let sum = 0;
  let count = 0;
  for (let a = age; a < age + n; a += 1) {
    const v = ring.at(a);
    if (Number.isNaN(v)) continue;
    sum += v;
    count += 1;
  }
  return count * 2 >= n ? sum / count : NaN;
}

describe('Ring', () => {
  it('reads newest first by age and forgets past its capacity', () => {
    const ring = new Ring(3);
    [1, 2, 3, 4].forEach((v) => ring.push(v));
    expect([ring.at(0), ring.at(1), ring.at(2)]).toEqual([4, 3, 2]);
    expect(ring.at(3)).toBeNaN();
    expect(ring.size).toBe(3);
  });

  it('answers NaN before it has that much history', () => {
    const ring = new Ring(5);
    ring.push(7);
    expect(ring.at(0)).toBe(7);
    expect(ring.at(1)).toBeNaN();
  });

  it('survives a JSON round trip unchanged', () => {
    const ring = new Ring(4);
    [0.5, NaN, 2.25, -3, 8].forEach((v) => ring.push(v));
    const back = Ring.fromJSON(JSON.parse(JSON.stringify(ring)));
    expect([0, 1, 2, 3].map((a) => back.at(a))).toEqual([8, -3, 2.25, NaN]);
    expect(back.size).toBe(4);
  });

  it('gives the mean back from an age bit for bit as at() summed newest first does, across the wrap', () => {
    const random = mulberry32(8);
    const ring = new Ring(37);
    for (let i = 0; i < 100; i += 1) {
      ring.push(random() < 0.2 ? NaN : random() * 1000);
      for (const age of [0, 1, 5, 20, 36]) {
        for (const n of [1, 4, 9])
          expect(Object.is(ring.meanBack(age, n), referenceMean(ring, age, n))).toBe(true);
      }
    }
  });

  it('has no mean where fewer than half of the values are there', () => {
    const ring = new Ring(10);
    [1, NaN, NaN, 4].forEach((v) => ring.push(v));
    expect(ring.meanBack(0, 4)).toBe(2.5);
    expect(ring.meanBack(0, 6)).toBeNaN();
    expect(ring.meanBack(3, 2)).toBe(1);
  });

  it('resizes to a ring holding the newest values that fit, in order', () => {
    const ring = new Ring(5);
    [1, 2, 3, 4, 5, 6].forEach((v) => ring.push(v));
    const smaller = ring.resized(3);
    expect([0, 1, 2, 3].map((a) => smaller.at(a))).toEqual([6, 5, 4, NaN]);
    const larger = ring.resized(8);
    expect(larger.size).toBe(5);
    larger.push(7);
    expect([0, 1, 5, 6].map((a) => larger.at(a))).toEqual([7, 6, 2, NaN]);
  });

  it('refuses a state whose data does not fit its capacity', () => {
    const json = new Ring(4).toJSON();
    expect(() => Ring.fromJSON({ ...json, capacity: 8 })).toThrow(/does not match/);
  });
});
