/**
 * Series, their samples and the reads the models make of them.
 */
import type { SeriesSample } from '../../sources/source.js';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export interface SeriesKey {
  signal: string;
  service: string;
}

/** Half-open time range [fromMs, toMs) in Unix milliseconds. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** The samples of one series that fall inside the requested ranges, oldest first. */
export interface SeriesWindow extends SeriesKey {
  timestampsMs: number[];
  values: number[];
}

/**
 * One series averaged over steps of `stepMs` aligned to the Unix epoch: the steps that hold
 * samples, oldest first (the newest may still be filling).
 */
export interface StepWindow extends SeriesKey {
  stepMs: number;
  /** Start of each step, Unix ms. */
  startsMs: number[];
  means: number[];
  counts: number[];
  /** Time of the newest sample read. */
  lastSampleMs: number;
}

/** One series' values over a range, for a chart: raw samples, or step averages when they are too many. */
export interface SeriesHistory {
  /** Samples inside the range, before any averaging. */
  samples: number;
  /** Null: `points` are the raw samples; else the length of each epoch-aligned step averaged. */
  stepMs: number | null;
  /** Oldest first; a step's `timeMs` is its start, `min`/`max` its extremes (a raw sample's own value). */
  points: { timeMs: number; value: number; min: number; max: number }[];
}

export interface SeriesInfo extends SeriesKey {
  firstSampleMs: number;
  lastSampleMs: number;
  samples: number;
}

export interface SampleStore {
  /** Resolves only once the batch is committed (DESIGN Decision 8). */
  writeSamples(samples: readonly SeriesSample[]): Promise<void>;
  /** Every series' samples inside any of the ranges (ranges may overlap); only those of `only` when given. */
  readWindows(ranges: readonly TimeRange[], only?: readonly SeriesKey[]): Promise<SeriesWindow[]>;
  listSeries(): Promise<SeriesInfo[]>;
  /** The samples of `only` inside `range`, averaged per step (what forecasters are fitted on). */
  readSteps(range: TimeRange, stepMs: number, only: readonly SeriesKey[]): Promise<StepWindow[]>;
  /** At most `maxPoints` points of one series inside `range`; null for a series the store has never seen. */
  readHistory(key: SeriesKey, range: TimeRange, maxPoints: number): Promise<SeriesHistory | null>;
}
