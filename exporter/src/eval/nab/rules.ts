/**
 * NAB's scoring rules (Lavin & Ahmad 2015, as ../shared/data/README.md states them): the
 * profiles, the scaled sigmoid, the probation period, and each row's place relative to the
 * windows. Everything here is independent of the detector and of the threshold, so it is
 * computed once per file and reused by every profile and every threshold of the sweep.
 */
import type { RowWindow } from './windows.js';

export interface Profile {
  name: 'standard' | 'low_fp' | 'low_fn';
  /** Heading used in the printed table. */
  label: string;
  tp: number;
  fp: number;
  fn: number;
}

export const PROFILES: readonly Profile[] = [
  { name: 'standard', label: 'standard', tp: 1, fp: 0.11, fn: 1 },
  { name: 'low_fp', label: 'low FP', tp: 1, fp: 0.22, fn: 1 },
  { name: 'low_fn', label: 'low FN', tp: 1, fp: 0.11, fn: 2 },
];

/** NAB's scaled sigmoid: +1 far before a window's end, 0 at it, -1 from 3 widths past it. */
export function sigma(y: number): number {
  return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
}

/** Rows 0..probation-1 are for learning: 15% of the file, at most 750 (15% of 5000). */
export function probationRows(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 750);
}

/** A file's rows as the scorer sees them, before any threshold or profile weight. */
export interface FileLabels {
  rows: number;
  windows: readonly RowWindow[];
  /** First scored row: detections before it count nothing. */
  scoredFrom: number;
  /** Window index of each row, -1 outside every window. */
  windowOf: Int32Array;
  /**
   * In a window: sigma(y)/sigma(-1), the share of A_TP the row earns as the window's
   * earliest detection. Outside: sigma(y), or -1 with no earlier window, the multiple of
   * A_FP it adds as a false positive (negative).
   */
  unit: Float64Array;
}

const SIGMA_AT_LEFT_EDGE = sigma(-1);

/** Labels every row of a file of `rows` rows with sorted, disjoint `windows`. */
export function labelRows(rows: number, windows: readonly RowWindow[]): FileLabels {
  const windowOf = new Int32Array(rows).fill(-1);
  const unit = new Float64Array(rows).fill(-1);
  for (const [k, w] of windows.entries()) {
    const width = w.end - w.start + 1;
    for (let i = w.start; i <= w.end; i += 1) {
      windowOf[i] = k;
      // -(R - i + 1)/W: exactly -1 at the left edge, so the earliest row earns A_TP.
      unit[i] = sigma(-(w.end - i + 1) / width) / SIGMA_AT_LEFT_EDGE;
    }
    const next = windows[k + 1]?.start ?? rows;
    for (let i = w.end + 1; i < next; i += 1) {
      // |i - R'|/(W' - 1): a one-row window divides by 0, and Infinity > 3 gives the full -1.
      unit[i] = sigma(Math.abs(i - w.end) / (width - 1));
    }
  }
  return { rows, windows, scoredFrom: probationRows(rows), windowOf, unit };
}
