/**
 * Scores one file's detections at one threshold under one profile, directly from the rules
 * (the sweep finds the threshold incrementally; this is what the report shows per file and
 * what the tests check the sweep against).
 */
import type { FileLabels, Profile } from './rules.js';

export interface FileOutcome {
  /** Windows with a detection. */
  tp: number;
  /** Detections outside every window, after probation. */
  fp: number;
  /** Windows without a detection. */
  fn: number;
  raw: number;
}

/** A detection is a row whose score is ≥ threshold. */
export function scoreFile(
  labels: FileLabels,
  scores: ArrayLike<number>,
  threshold: number,
  profile: Profile,
): FileOutcome {
  const detected = new Set<number>();
  let fp = 0;
  let raw = 0;
  for (let i = labels.scoredFrom; i < labels.rows; i += 1) {
    if (!((scores[i] as number) >= threshold)) continue;
    const window = labels.windowOf[i] as number;
    const unit = labels.unit[i] as number;
    if (window < 0) {
      fp += 1;
      raw += profile.fp * unit;
    } else if (!detected.has(window)) {
      // Only the earliest detection in a window counts; later ones neither earn nor cost.
      detected.add(window);
      raw += profile.tp * unit;
    }
  }
  const fn = labels.windows.length - detected.size;
  raw -= profile.fn * fn;
  return { tp: detected.size, fp, fn, raw };
}

/** 100 × (S − S_null)/(S_perfect − S_null); null when the corpus has no window to find. */
export function normalise(raw: number, windows: number, profile: Profile): number | null {
  const nullScore = -profile.fn * windows;
  const perfect = profile.tp * windows;
  return windows > 0 ? (100 * (raw - nullScore)) / (perfect - nullScore) : null;
}
