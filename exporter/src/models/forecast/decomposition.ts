/**
 * Classical additive decomposition, made robust: the trend is a centred moving average over
 * one period and each phase's seasonal index is the *median* of its detrended values, so a
 * few spikes (common in operational series) do not bend the seasonal shape.
 */
import { median } from 'simple-statistics';

/** Centred moving average of length `period` (2×m for even m); NaN where it does not reach. */
export function centredMovingAverage(values: readonly number[], period: number): number[] {
  const n = values.length;
  const prefix = [0];
  for (const v of values) prefix.push((prefix[prefix.length - 1] as number) + v);
  const sum = (from: number, to: number): number => (prefix[to] as number) - (prefix[from] as number);
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(period / 2);
  for (let t = half; t + half < n; t += 1) {
    if (period % 2 === 1) {
      out[t] = sum(t - half, t + half + 1) / period;
    } else {
      // Two averages of length m, offset by one, averaged: the 2×m MA.
      const a = sum(t - half, t + half) / period;
      const b = t + half + 1 <= n ? sum(t - half + 1, t + half + 1) / period : a;
      out[t] = (a + b) / 2;
    }
  }
  return out;
}

/**
 * Seasonal indices for phases 0..period-1, where phase p belongs to the values at indices
 * t ≡ p (mod period); they sum to zero. All zeros when the data hold no full period.
 */
export function seasonalIndices(values: readonly number[], period: number): number[] {
  const trend = centredMovingAverage(values, period);
  const byPhase: number[][] = Array.from({ length: period }, () => []);
  trend.forEach((level, t) => {
    if (!Number.isNaN(level)) byPhase[t % period]?.push((values[t] as number) - level);
  });
  const raw = byPhase.map((detrended) => (detrended.length > 0 ? median(detrended) : 0));
  const mean = raw.reduce((a, b) => a + b, 0) / period;
  return raw.map((s) => s - mean);
}

/** Least-squares slope of `values` against their index (0 for fewer than two points). */
export function linearSlope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, t) => {
    num += (t - meanT) * (y - meanY);
    den += (t - meanT) ** 2;
  });
  return num / den;
}
