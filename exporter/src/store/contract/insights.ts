/**
 * Aggregates over long ranges, for findings (GET /api/v1/insights).
 */
import type { SeriesKey, TimeRange } from './samples.js';

/** One series' mean over each of several ranges (null: no data in that range). */
export interface RangeMeans extends SeriesKey {
  means: (number | null)[];
  /** Samples behind each mean. */
  counts: number[];
}

/** One series' mean per UTC hour (hours without samples are left out). */
export interface HourlyMeans extends SeriesKey {
  /** Hour starts, ascending. */
  startsMs: number[];
  means: number[];
}

/** Aggregates over long ranges, for findings (GET /api/v1/insights). */
export interface InsightStore {
  /** Every series' mean over each range, from the rollups and the raw samples not rolled up yet. */
  rangeMeans(ranges: readonly TimeRange[]): Promise<RangeMeans[]>;
  /** Anomalies per series inside the range; series with none are left out. */
  countAnomalies(range: TimeRange): Promise<(SeriesKey & { count: number })[]>;
  /** Every series' hourly means inside the range (daily patterns). */
  hourlyMeans(range: TimeRange): Promise<HourlyMeans[]>;
}
