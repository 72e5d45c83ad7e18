/**
 * One threshold per profile for the whole corpus: the score value that maximises the summed
 * raw score. Lowering the threshold through the distinct scores, highest first, adds
 * detections one group of equal scores at a time, so the corpus score is updated
 * incrementally — O(n log n) for the sort, instead of rescoring every file per candidate.
 */
import type { FileLabels, Profile } from './rules.js';

export interface ScoredFile {
  labels: FileLabels;
  scores: ArrayLike<number>;
}

export interface SweepResult {
  /** Infinity when no threshold beats never firing (the null detector). */
  threshold: number;
  /** Summed raw score at that threshold. */
  raw: number;
}

interface Candidate {
  file: number;
  row: number;
  score: number;
}

function candidates(files: readonly ScoredFile[]): Candidate[] {
  const all: Candidate[] = [];
  for (const [file, { labels, scores }] of files.entries()) {
    for (let row = labels.scoredFrom; row < labels.rows; row += 1) {
      const score = scores[row] as number;
      if (!Number.isNaN(score)) all.push({ file, row, score });
    }
  }
  return all.sort((a, b) => b.score - a.score);
}

export function sweepThreshold(files: readonly ScoredFile[], profile: Profile): SweepResult {
  const windows = files.reduce((sum, f) => sum + f.labels.windows.length, 0);
  // Above every score nothing fires: every window is missed.
  let raw = -profile.fn * windows;
  let best: SweepResult = { threshold: Infinity, raw };
  // Best TP share earned so far per window (NaN: not detected yet). The earliest row of a
  // window has the largest share, so "earliest detection" is "largest share detected".
  const earned = files.map((f) => new Float64Array(f.labels.windows.length).fill(NaN));
  const all = candidates(files);
  for (let i = 0; i < all.length;) {
    const score = (all[i] as Candidate).score;
    for (; i < all.length && (all[i] as Candidate).score === score; i += 1) {
      const { file, row } = all[i] as Candidate;
      const labels = (files[file] as ScoredFile).labels;
      const window = labels.windowOf[row] as number;
      const unit = labels.unit[row] as number;
      if (window < 0) {
        raw += profile.fp * unit;
        continue;
      }
      const shares = earned[file] as Float64Array;
      const before = shares[window] as number;
      if (Number.isNaN(before)) {
        raw += profile.fn + profile.tp * unit;
        shares[window] = unit;
      } else if (unit > before) {
        raw += profile.tp * (unit - before);
        shares[window] = unit;
      }
    }
    // Strictly better only: on a tie the higher threshold (fewer alarms) wins.
    if (raw > best.raw + 1e-9) best = { threshold: score, raw };
  }
  return best;
}
