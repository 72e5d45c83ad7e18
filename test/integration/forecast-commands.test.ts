/**
 * `omen forecast`, `omen eval forecast` and `omen eval breach` as users run them (the built
 * CLI) on a small hand-made NAB-layout corpus whose answers are known: a daily season with a
 * trend, a flat file (seasonal naive is exact there, so it is set apart), and a level shift
 * that breaches the threshold learned before it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OMEN_BIN, ROOT } from './support/processes.js';

function omen(...args: string[]) {
  const result = spawnSync('node', [OMEN_BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STEP_MS = 3_600_000;
const START = Date.UTC(2015, 0, 1);
const stamp = (i: number): string =>
  new Date(START + i * STEP_MS).toISOString().slice(0, 19).replace('T', ' ');

/** Hourly rows: a 24-step season of amplitude 10 on a slow rise, with seeded noise. */
const seasonal = (i: number, noise: number): number =>
  50 + 0.01 * i + 10 * Math.sin((2 * Math.PI * i) / 24) + noise;

function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

function csv(values: number[]): string {
  return `timestamp,value\n${values.map((v, i) => `${stamp(i)},${v.toFixed(4)}`).join('\n')}\n`;
}

let dir = '';
const next = noise(7);
const SEASONAL = Array.from({ length: 24 * 30 }, (_, i) => seasonal(i, next()));
const FLAT = new Array<number>(400).fill(3);
const SHIFT = Array.from({ length: 600 }, (_, i) => 10 + next() + (i >= 200 && i % 100 < 40 ? 8 : 0));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'omen-forecast-'));
  const files: Record<string, number[]> = {
    'synthetic/seasonal.csv': SEASONAL,
    'synthetic/flat.csv': FLAT,
    'real/shift.csv': SHIFT,
  };
  for (const [name, values] of Object.entries(files)) {
    mkdirSync(join(dir, 'data', name.split('/')[0] as string), { recursive: true });
    writeFileSync(join(dir, 'data', name), csv(values));
  }
  writeFileSync(join(dir, 'bad.csv'), 'time,value\n2015-01-01 00:00:00,1\n');
});

describe('omen forecast', () => {
  it('writes the next steps with nested intervals that follow the known season', () => {
    const result = omen('forecast', join(dir, 'data/synthetic/seasonal.csv'), '--horizon', '24');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/season 24 steps/);
    const [header, ...rows] = result.stdout.trim().split('\n');
    expect(header).toBe('timestamp,point,lower_80,upper_80,lower_95,upper_95');
    expect(rows).toHaveLength(24);
    rows.forEach((row, h) => {
      const [time, point, lo80, hi80, lo95, hi95] = row.split(',');
      const i = SEASONAL.length + h;
      expect(time).toBe(stamp(i));
      const [p, l8, u8, l9, u9] = [point, lo80, hi80, lo95, hi95].map(Number) as number[];
      expect(l9).toBeLessThanOrEqual(l8 as number);
      expect(l8).toBeLessThanOrEqual(p as number);
      expect(p).toBeLessThanOrEqual(u8 as number);
      expect(u8).toBeLessThanOrEqual(u9 as number);
      expect(Math.abs((p as number) - seasonal(i, 0))).toBeLessThan(1);
    });
  });

  it('takes other levels', () => {
    const result = omen('forecast', join(dir, 'data/synthetic/seasonal.csv'), '-H', '2', '--levels', '90');
    expect(result.stdout.split('\n')[0]).toBe('timestamp,point,lower_90,upper_90');
  });

  it('explains bad input in one line and exits 2', () => {
    const bad = omen('forecast', join(dir, 'bad.csv'), '--horizon', '3');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `omen: ${join(dir, 'bad.csv')}: line 1: expected the header "timestamp,value", got "time,value"\n`,
    );
    const missing = omen('forecast', join(dir, 'none.csv'), '--horizon', '3');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
    expect(omen('forecast', join(dir, 'bad.csv'), '--levels', '80,120', '-H', '1').stderr).toMatch(
      /expected percentages between 0 and 100/,
    );
  });
});

describe('omen eval forecast', () => {
  it('prints the overall table by horizon, a line per file, and sets the flat file apart', () => {
    const result = omen('eval', 'forecast', dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\[3\/3\]/);
    const out = result.stdout;
    expect(out).toMatch(/^horizon\s+MASE\s+naive MASE\s+ratio\s+sMAPE\s+cov80%\s+cov95%\s+MSIS$/m);
    for (const h of ['all', '1', '12', '48']) expect(out).toMatch(new RegExp(`^${h}\\s+\\d`, 'm'));
    expect(out).toMatch(/^synthetic\/seasonal\.csv\s+720\s+24\s/m);
    const apart = out.slice(out.indexOf('Set apart'));
    expect(apart).toMatch(/synthetic\/flat\.csv/);
    expect(out.slice(0, out.indexOf('Set apart'))).not.toMatch(/flat\.csv/);
  });
});

describe('omen eval breach', () => {
  it('prints pooled Brier skill, a reliability table and recall by lead', () => {
    const result = omen('eval', 'breach', dir);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/Brier\s+base rate\s+Brier skill\s+ECE\s+breaches\s+recall@0\s+recall@6\s+recall@12/);
    expect(out).toMatch(/^0\.9–1\.0\s+\d+/m);
    // The shift file breaches four times after its first 15%: every 100 steps from 200.
    expect(out).toMatch(/^real\/shift\.csv\s+\S+\s+\S+\s+\S+\s+\S+\s+4\s/m);
  });

  it('predicts over the horizon asked for, and refuses one that is not a whole number of steps', () => {
    const result = omen('eval', 'breach', '--horizon', '48', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/P\(breach within 48 steps\)/);
    const refused = omen('eval', 'breach', '--horizon', '0', dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--horizon.*expected a whole number of steps/);
  });

  it('refuses a folder without CSV files', () => {
    const result = omen('eval', 'breach', join(dir, 'data', 'nothing'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no such directory/);
  });
});
