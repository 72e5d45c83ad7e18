/**
 * NAB scoring on hand-made files. Reference file: 40 rows, so probation = floor(0.15 × 40)
 * = 6 rows (0..5), and one window on rows 10..14 (W = 5, R = 14).
 * Hand values used below:
 *   sigma(-1)   = 2/(1 + e^-5) - 1   = 2/1.0067379 - 1 = 0.9866143
 *   sigma(-0.6) = 2/(1 + e^-3) - 1   = 2/1.0497871 - 1 = 0.9051483
 *   sigma(0.25) = 2/(1 + e^1.25) - 1 = 2/4.4903430 - 1 = -0.5545997
 */
import { describe, expect, it } from 'vitest';
import { labelRows, PROFILES, probationRows, sigma, type Profile } from './rules.js';
import { normalise, scoreFile } from './scorer.js';

const [STANDARD, LOW_FP, LOW_FN] = PROFILES as [Profile, Profile, Profile];
const WINDOW = [{ start: 10, end: 14 }];

/** Scores of a 40-row file: 1 on the given rows, 0 elsewhere. */
function firing(rows: number[], length = 40): number[] {
  const scores = new Array<number>(length).fill(0);
  for (const row of rows) scores[row] = 1;
  return scores;
}

function score(rows: number[], profile: Profile = STANDARD, windows = WINDOW) {
  return scoreFile(labelRows(40, windows), firing(rows), 0.5, profile);
}

describe('NAB rules', () => {
  it('uses the scaled sigmoid: 0 at the right edge, -1 beyond 3 widths', () => {
    expect(sigma(0)).toBe(0);
    expect(sigma(-1)).toBeCloseTo(0.9866143, 7);
    expect(sigma(3.0001)).toBe(-1);
  });

  it('puts 15% of the rows, at most 750, in probation', () => {
    expect(probationRows(40)).toBe(6); // floor(6.0)
    expect(probationRows(4032)).toBe(604); // floor(604.8)
    expect(probationRows(10_000)).toBe(750); // 1500 capped
  });
});

describe('scoreFile', () => {
  it("gives exactly A_TP to a detection at the window's first row", () => {
    // y = -(14 - 10 + 1)/5 = -1 → A_TP × sigma(-1)/sigma(-1) = 1.
    expect(score([10])).toEqual({ tp: 1, fp: 0, fn: 0, raw: 1 });
  });

  it('gives less to a later detection in the window', () => {
    // Row 12: y = -(14 - 12 + 1)/5 = -0.6 → 0.9051483/0.9866143 = 0.9174287.
    expect(score([12]).raw).toBeCloseTo(0.9174287, 6);
  });

  it('counts only the earliest detection in a window; the later ones cost nothing', () => {
    // Rows 11, 12 and 14 all fire: only row 11 counts, y = -(14 - 11 + 1)/5 = -0.8,
    // sigma(-0.8) = 2/(1 + e^-4) - 1 = 0.9640276 → 0.9640276/0.9866143 = 0.9771070.
    expect(score([11, 12, 14])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(score([11, 12, 14]).raw).toBeCloseTo(0.977107, 5);
  });

  it('charges little for a false positive right after a window, A_FP far after it', () => {
    // Row 15: y = |15 - 14|/(5 - 1) = 0.25 → 0.11 × sigma(0.25) = 0.11 × -0.5545997 = -0.0610060,
    // plus the TP of row 10 (+1).
    expect(score([10, 15]).raw).toBeCloseTo(1 - 0.061006, 6);
    // Row 30: y = 16/4 = 4 > 3 → -A_FP = -0.11 (low-FP profile: -0.22).
    expect(score([10, 30])).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(score([10, 30]).raw).toBeCloseTo(1 - 0.11, 10);
    expect(score([10, 30], LOW_FP).raw).toBeCloseTo(1 - 0.22, 10);
  });

  it('charges -A_FP for a false positive before any window', () => {
    // Row 7 is past probation (6) and no window precedes it; the window is then missed.
    expect(score([7])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(score([7]).raw).toBeCloseTo(-0.11 - 1, 10);
  });

  it('charges -A_FN for a missed window (2 on the low-FN profile)', () => {
    expect(score([])).toEqual({ tp: 0, fp: 0, fn: 1, raw: -1 });
    expect(score([], LOW_FN).raw).toBe(-2);
  });

  it('ignores detections in the probation period', () => {
    // Rows 0..5 are probation: firing there is neither a FP nor anything else.
    expect(score([0, 3, 5, 10])).toEqual({ tp: 1, fp: 0, fn: 0, raw: 1 });
  });

  it('ignores a window that lies in probation for detection but still counts it as missed', () => {
    // Window on rows 2..4 (W = 3, all in probation): a detection there counts nothing and
    // the window is a FN; row 20 comes after it: y = 16/2 = 8 > 3 → -0.11.
    expect(score([3, 20], STANDARD, [{ start: 2, end: 4 }])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(score([3, 20], STANDARD, [{ start: 2, end: 4 }]).raw).toBeCloseTo(-1.11, 10);
  });

  it('treats every detection as a false positive in a file with no windows', () => {
    // Three detections after probation, each -A_FP: -0.33; nothing to miss.
    expect(score([8, 20, 39], STANDARD, [])).toMatchObject({ tp: 0, fp: 3, fn: 0 });
    expect(score([8, 20, 39], STANDARD, []).raw).toBeCloseTo(-0.33, 10);
  });

  it('measures the position after a window from the most recent window', () => {
    // Windows 10..14 (W 5) and 20..22 (W 3). Row 24 follows the second: y = 2/2 = 1,
    // sigma(1) = 2/(1 + e^5) - 1 = -0.9866143 → -0.11 × 0.9866143 = -0.1085276.
    // Rows 10 and 20 are perfect detections: +2.
    const windows = [
      { start: 10, end: 14 },
      { start: 20, end: 22 },
    ];
    expect(score([10, 20, 24], STANDARD, windows).raw).toBeCloseTo(2 - 0.1085276, 6);
  });
});

describe('normalise', () => {
  it('maps the null detector to 0 and the perfect one to 100', () => {
    // 4 windows: S_null = -4, S_perfect = 4 (low FN: -8 and 4).
    expect(normalise(-4, 4, STANDARD)).toBe(0);
    expect(normalise(4, 4, STANDARD)).toBe(100);
    expect(normalise(0, 4, STANDARD)).toBe(50); // 100 × 4/8
    expect(normalise(-8, 4, LOW_FN)).toBe(0);
    expect(normalise(0, 4, LOW_FN)).toBeCloseTo(66.667, 3); // 100 × 8/12
    expect(normalise(0, 0, STANDARD)).toBeNull();
  });
});
