/**
 * Turns counters into per-second rates, like PromQL's `rate(x[window])`: each series keeps
 * the values it had at the scrapes of the last `window`, and its rate is the increase
 * over those points divided by the seconds between the first and the last of them.
 *
 * Unlike Prometheus, the rate is not extrapolated to the window's edges: Omen sees every
 * point itself, so the plain ratio is exact and never overshoots after a restart.
 *
 * A counter that goes down has restarted from zero (Prometheus' reset rule), so the
 * increase across the drop is the new value itself. A series seen once has no rate yet,
 * which is "no data", not an error; a series that stops appearing is forgotten once its
 * last point has left the window.
 */
import { seriesKey, type ExpositionSample } from './sample.js';

export interface RatedSeries {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** Per second; undefined until the series has two points within the window. */
  rate: number | undefined;
}

interface Point {
  timeMs: number;
  value: number;
}

interface TrackedSeries {
  name: string;
  labels: Readonly<Record<string, string>>;
  points: Point[];
}

/** Increase over consecutive points, counting a drop as a restart from zero. */
export function counterIncrease(values: readonly number[]): number {
  let increase = 0;
  for (let index = 1; index < values.length; index++) {
    const previous = values[index - 1]!;
    const current = values[index]!;
    increase += current >= previous ? current - previous : current;
  }
  return increase;
}

function rateOf(points: readonly Point[]): number | undefined {
  if (points.length < 2) return undefined;
  const seconds = (points[points.length - 1]!.timeMs - points[0]!.timeMs) / 1000;
  return counterIncrease(points.map((point) => point.value)) / seconds;
}

export class CounterRates {
  private readonly series = new Map<string, TrackedSeries>();

  constructor(private readonly windowMs: number) {
    if (!(windowMs > 0)) throw new Error(`rate window must be positive, got ${windowMs} ms`);
  }

  /** Records one scrape's counter samples, all taken at `nowMs`, and forgets what left the window. */
  observe(samples: Iterable<ExpositionSample>, nowMs: number): void {
    for (const sample of samples) {
      const key = seriesKey(sample.name, sample.labels);
      let tracked = this.series.get(key);
      if (!tracked) {
        tracked = { name: sample.name, labels: sample.labels, points: [] };
        this.series.set(key, tracked);
      }
      const last = tracked.points[tracked.points.length - 1];
      // A repeated or backwards clock would divide by zero or reorder the counter.
      if (last && last.timeMs >= nowMs) continue;
      tracked.points.push({ timeMs: nowMs, value: sample.value });
    }
    this.forgetBefore(nowMs - this.windowMs);
  }

  /** Every tracked series with its current rate (undefined while it has too few points). */
  rates(): RatedSeries[] {
    return [...this.series.values()].map(({ name, labels, points }) => ({
      name,
      labels,
      rate: rateOf(points),
    }));
  }

  get size(): number {
    return this.series.size;
  }

  // A point exactly one window old is kept (the window is closed at its start, as in
  // Prometheus 2), so a window of n scrape intervals spans n intervals on a steady clock.
  private forgetBefore(startMs: number): void {
    for (const [key, tracked] of this.series) {
      const firstKept = tracked.points.findIndex((point) => point.timeMs >= startMs);
      if (firstKept === -1) this.series.delete(key);
      else if (firstKept > 0) tracked.points.splice(0, firstKept);
    }
  }
}
