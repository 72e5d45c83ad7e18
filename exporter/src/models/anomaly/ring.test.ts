import { describe, expect, it } from 'vitest';
import { Ring } from './ring.js';

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

  it('refuses a state whose data does not fit its capacity', () => {
    const json = new Ring(4).toJSON();
    expect(() => Ring.fromJSON({ ...json, capacity: 8 })).toThrow(/does not match/);
  });
});
