/**
 * The corpus threshold sweep on hand-made files, and against direct rescoring on random
 * scores. File A: 40 rows (probation 6), window 10..14. File B: 40 rows, no window.
 */
import { describe, expect, it } from 'vitest';
import { labelRows, PROFILES, type Profile } from './rules.js';
import { normalise, scoreFile } from './scorer.js';
import { sweepThreshold, type ScoredFile } from './sweep.js';

const [STANDARD, LOW_FP] = PROFILES as [Profile, Profile, Profile];

function file(
  rows: number,
  windows: { start: number; end: number }[],
  scores: Record<number, number>,
): ScoredFile {
  const values = new Array<number>(rows).fill(0);
  for (const [row, value] of Object.entries(scores)) values[Number(row)] = value;
  return { labels: labelRows(rows, windows), scores: values };
}

describe('sweepThreshold', () => {
  it('picks the cut-off that maximises the summed raw score', () => {
    const files = [file(40, [{ start: 10, end: 14 }], { 10: 0.9, 30: 0.95 }), file(40, [], { 20: 0.5 })];
    // Candidates, highest first (standard):
    //   above all:  window missed                           -1
    //   0.95: + FP at A:30 (y = 16/4 > 3)    -1 - 0.11     = -1.11
    //   0.9:  + TP at A:10 (A_TP, no A_FN)   -1.11 + 1 + 1 =  0.89  ← best
    //   0.5:  + FP at B:20 (no window)        0.89 - 0.11  =  0.78
    //   0:    every other row after probation fires: far worse
    expect(sweepThreshold(files, STANDARD)).toEqual({ threshold: 0.9, raw: expect.closeTo(0.89, 10) });
    // Low FP: -1 - 0.22 + 2 = 0.78 at 0.9, still the best.
    expect(sweepThreshold(files, LOW_FP)).toEqual({ threshold: 0.9, raw: expect.closeTo(0.78, 10) });
    expect(normalise(0.89, 1, STANDARD)).toBeCloseTo(94.5, 10); // 100 × 1.89/2
  });

  it('keeps never firing when every detection costs more than it earns', () => {
    // At 0.4: the window's last row (14, y = -0.2) earns 0.4683868 and spares the A_FN,
    // but rows 20..39 (y ≥ 6/4 = 1.5, sigma ≤ -0.9989) cost about 20 × 0.11 = 2.2:
    // -1 + 1 + 0.468 - 2.2 ≈ -1.73 < -1. At 0 even more rows fire. So: never fire.
    const fps: Record<number, number> = { 14: 0.4 };
    for (let row = 20; row < 40; row += 1) fps[row] = 0.4;
    const files = [file(40, [{ start: 10, end: 14 }], fps)];
    expect(sweepThreshold(files, STANDARD)).toEqual({ threshold: Infinity, raw: -1 });
  });

  it('gives 100 to the perfect detector and 0 to the null one', () => {
    // 200-row files (probation 30), 3 windows. Perfect: 1 at each window's first row, so
    // the sweep picks 1 and earns A_TP × 3 = S_perfect. Null: all 0, so its only cut-offs
    // are "never" (S_null = -A_FN × 3) and "always", where ~190 false positives at about
    // -0.11 each sink the +6 of the windows found.
    const windows = [
      [{ start: 40, end: 44 }],
      [
        { start: 50, end: 51 },
        { start: 150, end: 155 },
      ],
    ];
    const perfect = windows.map((w) => file(200, w, Object.fromEntries(w.map((x) => [x.start, 1]))));
    const none = windows.map((w) => file(200, w, {}));
    for (const profile of PROFILES) {
      expect(normalise(sweepThreshold(perfect, profile).raw, 3, profile)).toBeCloseTo(100, 10);
      expect(sweepThreshold(none, profile).threshold).toBe(Infinity);
      expect(normalise(sweepThreshold(none, profile).raw, 3, profile)).toBe(0);
    }
  });

  it('agrees with direct rescoring at every threshold on random scores', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const files = [0, 1, 2].map((k) => {
      const windows =
        k === 2
          ? []
          : [
              { start: 20 + k * 5, end: 29 + k * 5 },
              { start: 60, end: 63 },
            ];
      const scores: Record<number, number> = {};
      for (let row = 0; row < 100; row += 1) scores[row] = Math.round(random() * 50) / 50;
      return file(100, windows, scores);
    });
    for (const profile of PROFILES) {
      const best = sweepThreshold(files, profile);
      const direct = (t: number): number =>
        files.reduce((sum, f) => sum + scoreFile(f.labels, f.scores, t, profile).raw, 0);
      expect(direct(best.threshold)).toBeCloseTo(best.raw, 9);
      for (let t = 0; t <= 1; t += 0.02) expect(direct(t)).toBeLessThanOrEqual(best.raw + 1e-9);
    }
  });
});
