/**
 * DESIGN Decision 5's check: on anomaly-free data about 1% of points score ≥ 0.99 (within a
 * factor of 2). Scored online, each point from the state the points before it left, as the
 * pipeline does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DetectionContext } from '../types.js';
import { seededGaussian, seededUniform } from './synthetic-series.js';
import { createTailEnsembleDetector } from './tail-ensemble.js';

const AUTO: DetectionContext = { seasonMs: null, detectSeason: true };

/** Share of points from `skip` on that score ≥ 0.99. */
function alarmShare(values: readonly number[], stepMs: number, skip: number, context = AUTO): number {
  const detector = createTailEnsembleDetector();
  const state = detector.init();
  let alarms = 0;
  let scored = 0;
  values.forEach((value, i) => {
    const result = detector.update(state, { timestampMs: i * stepMs, value }, context);
    if (i < skip || !result || result.warming) return;
    scored += 1;
    if (result.score >= 0.99) alarms += 1;
  });
  return alarms / scored;
}

const percent = (share: number): string => `${(100 * share).toFixed(2)}%`;

const gaussian = (seed: number) => seededGaussian(seed);
const SYNTHETIC: [string, () => number[]][] = [
  [
    'Gaussian noise',
    () => {
      const g = gaussian(1);
      return Array.from({ length: 6000 }, () => 100 + 3 * g());
    },
  ],
  [
    'Gaussian noise, other seed',
    () => {
      const g = gaussian(2);
      return Array.from({ length: 6000 }, () => 100 + 3 * g());
    },
  ],
  [
    'uniform noise',
    () => {
      const u = seededUniform(4);
      return Array.from({ length: 6000 }, () => u());
    },
  ],
  [
    'exponential noise',
    () => {
      const u = seededUniform(5);
      return Array.from({ length: 6000 }, () => -Math.log(1 - u()));
    },
  ],
  [
    'AR(1) noise, φ = 0.9',
    () => {
      const g = gaussian(9);
      let x = 0;
      return Array.from({ length: 6000 }, () => (x = 0.9 * x + g()));
    },
  ],
  [
    'daily sine + noise (season found)',
    () => {
      const g = gaussian(8);
      return Array.from({ length: 96 * 60 }, (_, i) => 50 + 20 * Math.sin((2 * Math.PI * i) / 96) + g());
    },
  ],
];

describe('calibration on synthetic anomaly-free series', () => {
  it.each(SYNTHETIC)('%s: 0.5%–2% of points score ≥ 0.99', (name, make) => {
    const share = alarmShare(make(), 15_000, 600);
    console.log(`${name}: ${percent(share)} score ≥ 0.99`);
    expect(share).toBeGreaterThanOrEqual(0.005);
    expect(share).toBeLessThanOrEqual(0.02);
  });
});

const NAB = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/data/nab/data/artificialNoAnomaly',
);

function readNab(file: string): number[] {
  const rows = readFileSync(join(NAB, file), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => Number(row.split(',')[1]));
}

// CI has ../shared beside the clone: there a missing data set fails rather than skips.
describe.skipIf(!existsSync(NAB) && process.env.CI !== 'true')(
  'calibration on NAB artificialNoAnomaly',
  () => {
    const files = existsSync(NAB)
      ? readdirSync(NAB)
          .filter((f) => f.endsWith('.csv'))
          .sort()
      : ['(data set missing)'];
    it.each(files)('%s', (file) => {
      const values = readNab(file);
      const share = alarmShare(values, 300_000, Math.floor(values.length * 0.15));
      console.log(`${file}: ${percent(share)} score ≥ 0.99`);
      // A flat line holds nothing to be surprised by. A noise-free wave does: its steepest
      // steps are its rarest changes (two per day, 0.7% of points), and Decision 5's range
      // holds for it as for the noisy files.
      if (new Set(values).size === 1) expect(share).toBe(0);
      else {
        expect(share).toBeGreaterThanOrEqual(0.005);
        expect(share).toBeLessThanOrEqual(0.02);
      }
    });
  },
);
