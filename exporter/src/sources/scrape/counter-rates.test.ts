import { describe, expect, it } from 'vitest';
import { counterIncrease, CounterRates } from './counter-rates.js';

const T0 = 1_700_000_000_000;
const counter = (value: number, labels: Record<string, string> = { service: 'api' }) => ({
  name: 'requests_total',
  labels,
  value,
});

/** Feeds one value per 15 s scrape and returns the rates after the last one. */
function ratesAfter(values: number[], windowMs = 60_000) {
  const rates = new CounterRates(windowMs);
  values.forEach((value, index) => rates.observe([counter(value)], T0 + index * 15_000));
  return rates.rates();
}

describe('counterIncrease', () => {
  it('adds the rises and treats a drop as a restart from zero', () => {
    expect(counterIncrease([10, 20, 35])).toBe(25);
    expect(counterIncrease([100, 130, 5, 25])).toBe(30 + 5 + 20);
    expect(counterIncrease([7])).toBe(0);
  });
});

describe('CounterRates', () => {
  it('gives increase per second for a steady counter', () => {
    expect(ratesAfter([0, 30, 60, 90])).toEqual([
      { name: 'requests_total', labels: { service: 'api' }, rate: 2 },
    ]);
  });

  it('counts the value after a reset as increase, never a negative rate', () => {
    // 100 → 130 (+30), restart → 15 (+15), → 45 (+30): 75 over 45 s.
    const [series] = ratesAfter([100, 130, 15, 45]);
    expect(series!.rate).toBeCloseTo(75 / 45, 12);
  });

  it('has no rate until a series has two points', () => {
    expect(ratesAfter([42])).toEqual([
      { name: 'requests_total', labels: { service: 'api' }, rate: undefined },
    ]);
  });

  it('uses only the points inside the window, its start included', () => {
    // Window 30 s at 15 s scrapes: the last three points (0 → 10 → 20 at 45, 60, 75 s).
    const [series] = ratesAfter([0, 1000, 5000, 0, 10, 20], 30_000);
    expect(series!.rate).toBeCloseTo(20 / 30, 12);
  });

  it('forgets a series once its last point has left the window', () => {
    const rates = new CounterRates(60_000);
    rates.observe([counter(1, { service: 'a' }), counter(1, { service: 'gone' })], T0);
    rates.observe([counter(2, { service: 'a' }), counter(2, { service: 'gone' })], T0 + 15_000);
    for (let step = 2; step <= 5; step++)
      rates.observe([counter(step + 1, { service: 'a' })], T0 + step * 15_000);
    // At 75 s, "gone" last seen at 15 s (60 s ago): still in the window, with its old rate.
    expect(rates.rates().map((series) => series.labels.service)).toEqual(['a', 'gone']);
    rates.observe([counter(7, { service: 'a' })], T0 + 90_000);
    expect(rates.rates().map((series) => series.labels.service)).toEqual(['a']);
    expect(rates.size).toBe(1);
  });

  it('tells series apart by all their labels, in any order', () => {
    const rates = new CounterRates(60_000);
    rates.observe([counter(0, { service: 'a', code: '500' }), counter(0, { service: 'b' })], T0);
    rates.observe([counter(10, { code: '500', service: 'a' }), counter(30, { service: 'b' })], T0 + 10_000);
    expect(rates.rates().map((series) => series.rate)).toEqual([1, 3]);
  });

  it('ignores a scrape whose clock did not move forward', () => {
    const rates = new CounterRates(60_000);
    rates.observe([counter(0)], T0);
    rates.observe([counter(50)], T0);
    expect(rates.rates()[0]!.rate).toBeUndefined();
    rates.observe([counter(10)], T0 + 10_000);
    expect(rates.rates()[0]!.rate).toBe(1);
  });

  it('refuses a window that is not positive', () => {
    expect(() => new CounterRates(0)).toThrow('rate window must be positive, got 0 ms');
  });
});
