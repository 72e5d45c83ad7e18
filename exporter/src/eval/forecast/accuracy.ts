/**
 * Forecast accuracy as the M4 competition scores it, accumulated one forecast at a time:
 * MASE (absolute error over the in-sample seasonal-naive error), sMAPE, the coverage of each
 * interval level and MSIS (the 95% interval score, scaled like MASE).
 */
import type { ForecastPath } from '../../models/forecast/forecaster.js';

export interface Accuracy {
  count: number;
  /** Mean absolute error (MASE before scaling). */
  mae: number;
  smape: number;
  /** Share of actuals inside the interval, by level (0.8 → 0.8xx). */
  coverage: Map<number, number>;
  /** Mean interval score of the widest level (unscaled). */
  interval: number;
}

export class AccuracyTally {
  private count = 0;
  private absolute = 0;
  private smape = 0;
  private interval = 0;
  private readonly inside = new Map<number, number>();

  /** Scores step `h` (1-based) of `path` against `actual`. */
  add(path: ForecastPath, h: number, actual: number): void {
    const forecast = path.point[h - 1] as number;
    const error = Math.abs(actual - forecast);
    this.count += 1;
    this.absolute += error;
    const denominator = Math.abs(actual) + Math.abs(forecast);
    this.smape += denominator === 0 ? 0 : (200 * error) / denominator;
    for (const band of path.intervals) {
      const lower = band.lower[h - 1] as number;
      const upper = band.upper[h - 1] as number;
      if (actual >= lower && actual <= upper)
        this.inside.set(band.level, (this.inside.get(band.level) ?? 0) + 1);
    }
    const widest = path.intervals.at(-1);
    if (widest) {
      const lower = widest.lower[h - 1] as number;
      const upper = widest.upper[h - 1] as number;
      const alpha = 1 - widest.level;
      this.interval +=
        upper - lower + (2 / alpha) * Math.max(0, lower - actual) + (2 / alpha) * Math.max(0, actual - upper);
    }
  }

  result(levels: readonly number[]): Accuracy {
    const n = Math.max(1, this.count);
    return {
      count: this.count,
      mae: this.absolute / n,
      smape: this.smape / n,
      coverage: new Map(levels.map((level) => [level, (this.inside.get(level) ?? 0) / n])),
      interval: this.interval / n,
    };
  }
}

/** In-sample mean absolute seasonal-naive error: the MASE denominator (0 for a flat series). */
export function naiveScale(values: readonly number[], period: number): number {
  let sum = 0;
  for (let t = period; t < values.length; t += 1)
    sum += Math.abs((values[t] as number) - (values[t - period] as number));
  return values.length > period ? sum / (values.length - period) : 0;
}
