/**
 * `omen eval nab` as users run it (the built CLI) on a small hand-made NAB-layout corpus:
 * the results files' layout, the printed scores, and one-line errors with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OMEN_BIN, ROOT } from './support/processes.js';

function omen(...args: string[]) {
  const result = spawnSync('node', [OMEN_BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Rows every 5 minutes from 2014-04-01 00:00, noise around `level`, `spike` added at some rows. */
function series(rows: number, level: number, spikes: Record<number, number> = {}): string[] {
  let seed = rows;
  const lines: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const t = new Date(Date.UTC(2014, 3, 1) + i * 300_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`${t},${(level + seed / 2 ** 31 + (spikes[i] ?? 0)).toFixed(3)}`);
  }
  return lines;
}

function timestampAt(lines: string[], row: number): string {
  return `${(lines[row] as string).split(',')[0]}.000000`;
}

const FILES: Record<string, string[]> = {
  'artificial/spike.csv': series(300, 10, { 200: 40 }),
  'artificial/quiet.csv': series(250, 5),
  'real/shift.csv': series(320, 20, Object.fromEntries(Array.from({ length: 60 }, (_, k) => [250 + k, 15]))),
};

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'omen-eval-nab-'));
  for (const [name, lines] of Object.entries(FILES)) {
    mkdirSync(join(dir, 'nab', 'data', name.split('/')[0] as string), { recursive: true });
    writeFileSync(join(dir, 'nab', 'data', name), `timestamp,value\n${lines.join('\n')}\n`);
  }
  const spike = FILES['artificial/spike.csv'] as string[];
  const shift = FILES['real/shift.csv'] as string[];
  const windows = {
    'artificial/spike.csv': [[timestampAt(spike, 195), timestampAt(spike, 215)]],
    'artificial/quiet.csv': [],
    'real/shift.csv': [[timestampAt(shift, 245), timestampAt(shift, 270)]],
  };
  writeFileSync(join(dir, 'nab', 'windows.json'), JSON.stringify(windows, null, 1));
});

describe('omen eval nab', () => {
  it('writes one NAB results file per input file and prints the three profile scores', () => {
    const out = join(dir, 'out');
    const result = omen('eval', 'nab', join(dir, 'nab'), '--out', out);
    expect(result.stderr).not.toContain('    at ');
    expect(result.code).toBe(0);

    for (const [name, lines] of Object.entries(FILES)) {
      const [category, file] = name.split('/') as [string, string];
      const written = readFileSync(join(out, 'omen', category, `omen_${file}`), 'utf8')
        .trimEnd()
        .split('\n');
      expect(written[0]).toBe('timestamp,value,anomaly_score');
      expect(written).toHaveLength(lines.length + 1);
      written.slice(1).forEach((row, i) => {
        const [timestamp, value, score] = row.split(',');
        expect(`${timestamp},${value}`).toBe(lines[i]);
        expect(Number(score)).toBeGreaterThanOrEqual(0);
        expect(Number(score)).toBeLessThanOrEqual(1);
      });
    }

    expect(result.stdout).toContain('2 windows');
    for (const profile of ['standard', 'low FP', 'low FN']) {
      expect(result.stdout).toMatch(
        new RegExp(`^${profile} +(-?\\d+\\.\\d|n/a) +\\S+ +-?\\d+\\.\\d\\d$`, 'm'),
      );
    }
    expect(result.stdout).toMatch(/^file +rows +windows +TP +FP +FN +raw$/m);
    expect(result.stdout).toMatch(/^artificial\/spike\.csv +300 +1 +\d +\d+ +\d +-?\d+\.\d\d$/m);
    expect(result.stdout).toMatch(/^artificial\/quiet\.csv +250 +0 +0 +\d+ +0 +-?\d+\.\d\d$/m);
    expect(result.stdout).toMatch(/^real\/shift\.csv +320 +1 +\d +\d+ +\d +-?\d+\.\d\d$/m);
    expect(result.stderr).toMatch(/^\[1\/3\] artificial\/quiet\.csv 250 rows \d+\.\ds$/m);
    expect(result.stderr).toMatch(/^\[3\/3\] real\/shift\.csv 320 rows \d+\.\ds$/m);
  });

  it('writes results without scoring when there is no windows file', () => {
    const result = omen('eval', 'nab', join(dir, 'nab', 'data'), '--out', join(dir, 'out-plain'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('not scored');
    expect(readFileSync(join(dir, 'out-plain', 'omen', 'real', 'omen_shift.csv'), 'utf8')).toMatch(
      /^timestamp,value,anomaly_score\n/,
    );
  });

  it('explains bad input in one line and exits 2', () => {
    const bad = join(dir, 'bad');
    mkdirSync(join(bad, 'cat'), { recursive: true });
    writeFileSync(
      join(bad, 'cat', 'x.csv'),
      'timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,oops\n',
    );
    const extra = join(dir, 'extra-windows.json');
    writeFileSync(extra, JSON.stringify({ 'artificial/spike.csv': [], 'real/gone.csv': [] }));
    const cases: [string[], string][] = [
      [
        [join(dir, 'nab', 'data'), '--windows', extra],
        `omen: ${extra}: names real/gone.csv, which is not in ${join(dir, 'nab', 'data')}\n`,
      ],
      [[join(dir, 'missing')], `omen: ${join(dir, 'missing')}: no such directory\n`],
      [[bad], `omen: ${join(bad, 'cat', 'x.csv')}: line 3: not a number: "oops"\n`],
      [
        [join(dir, 'nab', 'data'), '--windows', join(dir, 'nab', 'nope.json')],
        `omen: ${join(dir, 'nab', 'nope.json')}: cannot read the windows file (ENOENT)\n`,
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = omen('eval', 'nab', ...args, '--out', join(dir, 'out-bad'));
      expect(result).toMatchObject({ code: 2, stderr });
    }
  });

  it('documents itself in --help', () => {
    const help = omen('eval', 'nab', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--out <dir>');
    expect(help.stdout).toContain('--windows <file>');
  });
});
