/**
 * `omen eval rca` as users run it (the built CLI): on PetShop's train issues (the shared
 * data; see its caution — one root cause for all 16), on the generated varied-cause set,
 * and one-line errors with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OMEN_BIN, ROOT } from './support/processes.js';

const PETSHOP = join(ROOT, '../shared/data/petshop');

function omen(...args: string[]) {
  const result = spawnSync('node', [OMEN_BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  ranker: string;
  overall: { cases: number; top1: number; top3: number };
  groups: { scenario: string; targetMetric: string; cases: number; top1: number; top3: number }[];
  cases: { id: string; rootCause: string; rank: number | null; top: string[] }[];
  sameRootCause: string | null;
}

describe.skipIf(!existsSync(PETSHOP) && process.env.CI !== 'true')('omen eval rca on PetShop', () => {
  it('prints top-1 and top-3 recall per scenario and target metric, with the caution', () => {
    const result = omen('eval', 'rca', PETSHOP);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^RCA evaluation: ranker combined, 16 cases/);
    for (const scenario of ['high_traffic', 'low_traffic'])
      for (const metric of ['availability', 'latency'])
        expect(result.stdout).toMatch(
          new RegExp(`${scenario}\\s+${metric}\\s+4\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}`),
        );
    expect(result.stdout).toMatch(/overall\s+16\s+[01]\.\d{3}\s+[01]\.\d{3}/);
    expect(result.stdout).toContain('every case has the same root cause (PetSearch_AWS::ECS::Fargate)');
  });

  it('--json prints one object whose overall holds top1 and top3', () => {
    const result = omen('eval', 'rca', PETSHOP, '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.overall.cases).toBe(16);
    expect(report.overall.top3).toBeGreaterThanOrEqual(report.overall.top1);
    expect(report.groups).toHaveLength(4);
    expect(
      report.cases.every((c) => c.rootCause === 'PetSearch_AWS::ECS::Fargate' && c.top.length === 3),
    ).toBe(true);
    expect(report.sameRootCause).toBe('PetSearch_AWS::ECS::Fargate');
  });
});

describe('omen eval rca on the generated varied-cause set', () => {
  it('meets the targets (top-3 ≥ 0.8, top-1 ≥ 0.5) and beats BARO alone', () => {
    const combined = omen('eval', 'rca', '--generated', '--seed', '5', '--cases', '80', '--json');
    expect(combined.code, combined.stderr).toBe(0);
    const report = JSON.parse(combined.stdout) as Report;
    expect(report.overall.cases).toBe(80);
    expect(report.overall.top3).toBeGreaterThanOrEqual(0.8);
    expect(report.overall.top1).toBeGreaterThanOrEqual(0.5);
    expect(report.sameRootCause).toBeNull();
    const baro = JSON.parse(
      omen('eval', 'rca', '--generated', '--seed', '5', '--cases', '80', '--ranker', 'baro', '--json').stdout,
    ) as Report;
    expect(report.overall.top1).toBeGreaterThan(baro.overall.top1);
  });

  it('prints each case on request', () => {
    const result = omen('eval', 'rca', '--generated', '--cases', '3', '--per-case');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/generated\/case_2 {2}svc-\d+ {2}(\d+|unranked) {2}svc-/);
  });
});

describe("omen eval rca on the demo application's cascades", () => {
  it('--demo --json reports the demo groups, each case rooted at the incident’s target', () => {
    const result = omen('eval', 'rca', '--demo', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.groups.map((g) => `${g.scenario}/${g.targetMetric}`)).toEqual([
      'demo/availability',
      'demo/latency',
    ]);
    expect(report.overall.cases).toBeGreaterThanOrEqual(15);
    expect(report.overall.top3).toBeGreaterThanOrEqual(report.overall.top1);
    expect(report.cases.every((c) => c.id.endsWith(`@${c.rootCause}`))).toBe(true);
  });
});

describe('omen eval rca on bad input', () => {
  it('says what is wrong in one line and exits 2', () => {
    for (const [args, message] of [
      [['/nonexistent'], 'omen: /nonexistent: no such folder'],
      [[], 'omen: nothing to evaluate: give a PetShop folder, --generated, --demo, or several'],
      [
        ['--generated', '--ranker', 'magic'],
        'omen: unknown ranker "magic" (known: combined, baro, onset, correlation, graph)',
      ],
      [['--generated', '--cases', '0'], 'omen: --cases must be an integer ≥ 1, got "0"'],
    ] as const) {
      const result = omen('eval', 'rca', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n').at(-1)).toBe(message);
    }
  });
});
