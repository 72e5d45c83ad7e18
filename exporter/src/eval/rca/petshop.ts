/**
 * PetShop's layout (CLeaR 2024) as RCA cases: `<scenario>/graph.csv`, the normal period
 * `<scenario>/noissue/metrics.csv`, and one case per `<scenario>/<split>/issue_N/` with its
 * `metrics.csv` (the incident window) and `target.json` (symptom, alert time, root cause).
 * Each column is a series of its node, scaled by the same column in the normal period.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Direction, RcaSeries } from '../../models/rca/types.js';
import { RcaInputError } from './errors.js';
import type { LabelledCase } from './labelled-case.js';
import { readGraphCsv, readMetricsCsv, type MetricColumn, type MetricsTable } from './petshop-csv.js';

interface Target {
  target: { node: string; metric: string; agg: string; timestamp: number };
  root_cause: { node: string };
}

const DIRECTIONS: Record<string, Direction> = { latency: 'up', availability: 'down', requests: 'both' };

const key = (c: MetricColumn) => `${c.node}\t${c.metric}\t${c.statistic}`;

function subdirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function readTarget(path: string): Target {
  let parsed: Target;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Target;
  } catch {
    throw new RcaInputError(`${path}: cannot read it as JSON`);
  }
  const t = parsed?.target;
  if (
    !t ||
    typeof t.node !== 'string' ||
    typeof t.metric !== 'string' ||
    typeof t.agg !== 'string' ||
    typeof t.timestamp !== 'number' ||
    typeof parsed.root_cause?.node !== 'string'
  )
    throw new RcaInputError(`${path}: expected target.{node,metric,agg,timestamp} and root_cause.node`);
  return parsed;
}

function toSeries(window: MetricsTable, normal: MetricsTable): RcaSeries[] {
  const baseline = new Map(normal.columns.map((c, i) => [key(c), normal.values[i]!]));
  return window.columns.map((c, i) => ({
    node: c.node,
    metric: `${c.metric}:${c.statistic}`,
    direction: DIRECTIONS[c.metric] ?? 'both',
    // A node seen only during incidents has no normal period: the ranker leaves it out.
    baseline: baseline.get(key(c)) ?? [],
    window: window.values[i]!,
  }));
}

function issueCase(
  dir: string,
  id: string,
  scenario: string,
  normal: MetricsTable,
  calls: Map<string, string[]>,
): LabelledCase {
  const target = readTarget(join(dir, 'target.json'));
  const window = readMetricsCsv(join(dir, 'metrics.csv'));
  const onset = window.timestamps.findIndex((ts) => ts >= target.target.timestamp);
  const series = toSeries(window, normal);
  const symptom = { node: target.target.node, metric: `${target.target.metric}:${target.target.agg}` };
  if (!series.some((s) => s.node === symptom.node && s.metric === symptom.metric && s.baseline.length > 0))
    throw new RcaInputError(
      `${dir}: the target ${symptom.node} ${symptom.metric} has no column in metrics.csv and noissue/metrics.csv`,
    );
  return {
    scenario,
    id,
    targetMetric: target.target.metric,
    rootCause: target.root_cause.node,
    input: {
      symptom,
      onset: onset === -1 ? window.timestamps.length - 1 : onset,
      series,
      calls,
    },
  };
}

function scenarioCases(root: string, scenario: string): LabelledCase[] {
  const dir = join(root, scenario);
  const normal = readMetricsCsv(join(dir, 'noissue', 'metrics.csv'));
  const calls = readGraphCsv(join(dir, 'graph.csv'));
  return subdirs(dir)
    .filter((split) => split !== 'noissue')
    .flatMap((split) =>
      subdirs(join(dir, split))
        .filter((issue) => /^issue_\d+$/.test(issue))
        .map((issue) =>
          issueCase(join(dir, split, issue), `${scenario}/${split}/${issue}`, scenario, normal, calls),
        ),
    );
}

/** Every issue under `root` (the folder holding the scenarios), in a stable order. */
export function readPetShop(root: string): LabelledCase[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new RcaInputError(`${root}: no such folder`);
  const scenarios = subdirs(root).filter((name) => existsSync(join(root, name, 'graph.csv')));
  if (scenarios.length === 0)
    throw new RcaInputError(
      `${root}: no <scenario>/graph.csv here (expected PetShop's layout, e.g. low_traffic/graph.csv)`,
    );
  const cases = scenarios.flatMap((scenario) => scenarioCases(root, scenario));
  if (cases.length === 0) throw new RcaInputError(`${root}: no <scenario>/<split>/issue_N/ folders`);
  return cases;
}
