/**
 * Model families are pure: (series, params) → result. No I/O, no clock, no prom-client,
 * no DuckDB. The pipeline hands them windows read from the store and publishes what they say.
 */
import type { SeriesWindow } from '../store/store.js';

/** The band expected for the scored point (the contract's `omen_expected` bounds). */
export interface ExpectedBand {
  point: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
}

export type AnomalyKind = 'spike' | 'dip';

export interface AnomalyResult {
  /** Not enough history yet: the score is published but may not alarm (DESIGN Decision 4). */
  warming: boolean;
  /** Calibrated 0..1: 1 − tail probability of the point under the model (DESIGN Decision 5). */
  score: number;
  expected: ExpectedBand;
  kind: AnomalyKind;
  /** Which component drove the score, in words (e.g. "rolling baseline, robust z 6.2"). */
  explanation: string;
}

export interface DetectionContext {
  /** Season length in ms, or null when the signal has none (or it is unknown yet). */
  seasonMs: number | null;
}

/**
 * Scores the newest point of a series (the last element of `window`) against the points
 * before it only — online, no look-ahead. Returns null when the window has no points.
 */
export interface AnomalyDetector {
  readonly name: string;
  /**
   * Recent points the detector wants before the newest (baseline plus calibration), and
   * the same span before each past season's phase: the pipeline reads that much history.
   */
  readonly historyPoints: number;
  score(window: SeriesWindow, context: DetectionContext): AnomalyResult | null;
}
