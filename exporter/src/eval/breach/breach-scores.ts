/**
 * How good breach probabilities are, in the terms of the forecast-verification field: the
 * Brier score and its skill against always saying the base rate, a reliability table with
 * the expected calibration error, and — for the alert built on them — event recall at
 * lead times and false alarms per day at the alert cut-off.
 */

export interface Scored {
  probability: number;
  /** Did the series exceed its threshold within the horizon after this point? */
  breached: boolean;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanProbability: number;
  observed: number;
}

export function brier(points: readonly Scored[]): number {
  return (
    points.reduce((s, p) => s + (p.probability - (p.breached ? 1 : 0)) ** 2, 0) / Math.max(1, points.length)
  );
}

export function baseRate(points: readonly Scored[]): number {
  return points.filter((p) => p.breached).length / Math.max(1, points.length);
}

/** 1 − Brier / Brier of always forecasting the base rate (which is rate × (1 − rate)). */
export function brierSkill(points: readonly Scored[]): number {
  const rate = baseRate(points);
  const reference = rate * (1 - rate);
  return reference === 0 ? NaN : 1 - brier(points) / reference;
}

export function reliability(points: readonly Scored[], bins = 10): ReliabilityBin[] {
  const table = Array.from({ length: bins }, (_, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    count: 0,
    sum: 0,
    hits: 0,
  }));
  for (const p of points) {
    const bin = table[Math.min(bins - 1, Math.floor(p.probability * bins))] as (typeof table)[number];
    bin.count += 1;
    bin.sum += p.probability;
    if (p.breached) bin.hits += 1;
  }
  return table.map(({ from, to, count, sum, hits }) => ({
    from,
    to,
    count,
    meanProbability: count === 0 ? NaN : sum / count,
    observed: count === 0 ? NaN : hits / count,
  }));
}

/** Expected calibration error: the count-weighted gap between said and seen, over the bins. */
export function expectedCalibrationError(table: readonly ReliabilityBin[]): number {
  const total = table.reduce((s, b) => s + b.count, 0);
  return table.reduce(
    (s, b) => (b.count === 0 ? s : s + (b.count / total) * Math.abs(b.meanProbability - b.observed)),
    0,
  );
}
