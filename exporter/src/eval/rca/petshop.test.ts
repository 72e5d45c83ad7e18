import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RcaInputError } from './errors.js';
import { readPetShop } from './petshop.js';
import { readGraphCsv, readMetricsCsv } from './petshop-csv.js';

const NODES = ['web', 'search', 'db'];

/** A PetShop metrics.csv: latency (Average) and availability (Average) per node. */
function metricsCsv(rows: { ts: number; latency: number[]; availability: number[] }[]): string {
  const header = [
    ['microservice', ...NODES, ...NODES],
    ['metric', ...NODES.map(() => 'latency'), ...NODES.map(() => 'availability')],
    ['statistic', ...NODES.map(() => 'Average'), ...NODES.map(() => 'Average')],
    ['unix_timestamp', ...NODES.map(() => ''), ...NODES.map(() => '')],
  ];
  const body = rows.map((r) => [r.ts, ...r.latency, ...r.availability].map(String));
  return [...header, ...body].map((cells) => cells.join(',')).join('\n') + '\n';
}

let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'omen-petshop-'));
  const scenario = join(root, 'tiny_traffic');
  mkdirSync(join(scenario, 'noissue'), { recursive: true });
  mkdirSync(join(scenario, 'train', 'issue_0'), { recursive: true });
  writeFileSync(
    join(scenario, 'graph.csv'),
    ',web,search,db\nweb,0.0,1.0,0.0\nsearch,0.0,0.0,1.0\ndb,0.0,0.0,0.0\n',
  );
  const normal = Array.from({ length: 40 }, (_, i) => ({
    ts: 1000 + 300 * i,
    latency: [0.1 + (i % 3) * 0.01, 0.05 + (i % 4) * 0.005, 0.01 + (i % 5) * 0.001],
    availability: [100, 100, i % 7 === 0 ? 99.5 : 100],
  }));
  writeFileSync(join(scenario, 'noissue', 'metrics.csv'), metricsCsv(normal));
  // db slows down from the third row; search and web follow. db's last availability is empty.
  const issue = [0, 1, 2, 3, 4].map((i) => ({
    ts: 90_000 + 300 * i,
    latency: i < 2 ? [0.11, 0.055, 0.011] : [0.6, 0.5, 0.4],
    availability: [100, 100, 100],
  }));
  writeFileSync(join(scenario, 'train', 'issue_0', 'metrics.csv'), metricsCsv(issue).replace(/100\n$/, '\n'));
  writeFileSync(
    join(scenario, 'train', 'issue_0', 'target.json'),
    JSON.stringify({
      target: { node: 'web', metric: 'latency', agg: 'Average', timestamp: 90_500 },
      root_cause: { node: 'db', metric: null },
    }),
  );
});

describe('PetShop layout', () => {
  it('reads metrics.csv columns, timestamps and empty cells as gaps', () => {
    const table = readMetricsCsv(join(root, 'tiny_traffic', 'train', 'issue_0', 'metrics.csv'));
    expect(table.columns[2]).toEqual({ node: 'db', metric: 'latency', statistic: 'Average' });
    expect(table.timestamps).toEqual([90_000, 90_300, 90_600, 90_900, 91_200]);
    expect(table.values[2]![0]).toBe(0.011);
    expect(table.values[5]!.at(-1)).toBeNaN();
  });

  it('reads graph.csv as caller → callees', () => {
    expect(readGraphCsv(join(root, 'tiny_traffic', 'graph.csv'))).toEqual(
      new Map([
        ['web', ['search']],
        ['search', ['db']],
        ['db', []],
      ]),
    );
  });

  it('turns each issue into a case: symptom, alert step, baseline from noissue, graph, answer', () => {
    const [labelled] = readPetShop(root);
    expect(labelled).toMatchObject({
      scenario: 'tiny_traffic',
      id: 'tiny_traffic/train/issue_0',
      targetMetric: 'latency',
      rootCause: 'db',
    });
    expect(labelled!.input.symptom).toEqual({ node: 'web', metric: 'latency:Average' });
    expect(labelled!.input.onset).toBe(2); // the first row at or after the target's timestamp
    const db = labelled!.input.series.find((s) => s.node === 'db' && s.metric === 'latency:Average')!;
    expect(db.baseline).toHaveLength(40);
    expect(db.direction).toBe('up');
    expect(labelled!.input.series.find((s) => s.metric === 'availability:Average')!.direction).toBe('down');
  });

  it('says what is wrong with a folder that is not PetShop’s layout', () => {
    expect(() => readPetShop(join(root, 'missing'))).toThrow(
      new RcaInputError(`${join(root, 'missing')}: no such folder`),
    );
    expect(() => readPetShop(join(root, 'tiny_traffic'))).toThrow(/no <scenario>\/graph.csv here/);
    const bad = mkdtempSync(join(tmpdir(), 'omen-petshop-bad-'));
    writeFileSync(
      join(bad, 'm.csv'),
      'microservice,a\nmetric,latency\nstatistic,Average\nunix_timestamp,\n1,x\n',
    );
    expect(() => readMetricsCsv(join(bad, 'm.csv'))).toThrow(/m.csv: line 5: not a number: "x"/);
    writeFileSync(join(bad, 'm.csv'), 'node,a\n');
    expect(() => readMetricsCsv(join(bad, 'm.csv'))).toThrow(
      /line 1: expected a row starting with "microservice"/,
    );
  });
});
