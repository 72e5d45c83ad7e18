/**
 * `omen backtest` as users run it (the built CLI): on a CSV whose breaches are known, and on
 * a history read back from a real Prometheus (Debian `prometheus`) whose TSDB was seeded
 * with `promtool tsdb create-blocks-from openmetrics` — two services, one that breaches its
 * SLO every "day" and one that never comes near it — and Tempo's service-graph counters, read
 * back by the learner of RCA's call graph with its own query.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, OMEN_BIN, ROOT, waitFor, type RunningProcess } from './support/processes.js';
import { prometheusAvailable, startPrometheus, writePrometheusConfig } from './support/prometheus.js';
import { tempoEdges } from '../../exporter/src/models/rca/tempo-graph.js';
import { createServiceGraphQuery } from '../../exporter/src/sources/prometheus/service-graph-query.js';
import { prometheusSourceSchema } from '../../exporter/src/config/prometheus-source-schema.js';

const STEP_MS = 60_000;
const PERIOD = 24; // a "day" of 24 one-minute steps
const STEPS = PERIOD * 60;
// Peaks (phase 6) cross 0.05 for phases 4..8: each breach starts at phase 4.
const wave = (t: number): number => 0.04 + 0.012 * Math.sin((2 * Math.PI * t) / PERIOD);
/** Requests per second between traced services, as Tempo's metrics-generator counts them. */
const CALLS: [client: string, server: string, perSecond: number][] = [
  ['user', 'frontend', 6],
  ['frontend', 'checkout', 5],
  ['checkout', 'payments', 2],
  ['checkout', 'checkout', 1],
  ['frontend', 'ads', 0.001],
];

let dir = '';
let start = 0;
let prometheus: RunningProcess | undefined;
let prometheusUrl = '';

/** Runs the CLI without blocking the event loop (the Prometheus case awaits a server). */
function omen(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [OMEN_BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function seedTsdb(tsdb: string): void {
  const lines = ['# TYPE demo_error_ratio gauge'];
  for (let t = 0; t < STEPS; t += 1) {
    const seconds = (start + t * STEP_MS) / 1000;
    lines.push(`demo_error_ratio{service="checkout"} ${wave(t).toFixed(6)} ${seconds}`);
    lines.push(`demo_error_ratio{service="payments"} ${(wave(t) / 4).toFixed(6)} ${seconds}`);
  }
  lines.push('# TYPE traces_service_graph_request counter');
  for (const [client, server, perSecond] of CALLS)
    for (let t = 0; t < STEPS; t += 1) {
      const labels = `client="${client}",server="${server}",connection_type=""`;
      const seconds = (start + t * STEP_MS) / 1000;
      lines.push(`traces_service_graph_request_total{${labels}} ${perSecond * 60 * t} ${seconds}`);
    }
  lines.push('# EOF', '');
  const file = join(dir, 'history.om');
  writeFileSync(file, lines.join('\n'));
  const created = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, tsdb], {
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`promtool failed: ${created.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omen-backtest-'));
  // Whole days back, on the minute, so the blocks lie in the past and the grid is exact.
  start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
  const csv = Array.from(
    { length: STEPS },
    (_, t) => `${new Date(start + t * STEP_MS).toISOString()},${wave(t).toFixed(6)}`,
  );
  writeFileSync(join(dir, 'history.csv'), `timestamp,value\n${csv.join('\n')}\n`);
  if (!prometheusAvailable()) {
    if (process.env.CI === 'true')
      throw new Error('prometheus is not installed (npm run test:all installs it)');
    return;
  }
  const tsdb = join(dir, 'tsdb');
  mkdirSync(tsdb);
  seedTsdb(tsdb);
  const port = await freePort();
  prometheusUrl = `http://127.0.0.1:${port}`;
  prometheus = startPrometheus({ config: writePrometheusConfig(dir, {}), storage: tsdb, port });
  await waitFor(
    'Prometheus to serve the seeded history',
    async () => {
      const query = new URLSearchParams({
        query: 'count_over_time(demo_error_ratio[3d])',
        time: String(Date.now() / 1000),
      });
      const body = (await (await fetch(`${prometheusUrl}/api/v1/query?${query}`)).json()) as {
        data?: { result?: unknown[] };
      };
      return (body.data?.result?.length ?? 0) === 2 ? true : undefined;
    },
    { timeoutMs: 30_000, context: prometheus.output },
  );
}, 120_000);

afterAll(async () => {
  await prometheus?.stop('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('omen backtest on a CSV', () => {
  it('prints each breach with the predicted alert before it, and the totals', async () => {
    const { code, stdout, stderr } = await omen(
      'backtest',
      join(dir, 'history.csv'),
      '--threshold',
      '0.05',
      '--horizon',
      '12',
      '--learn',
      '0.5',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('horizon 12m → OmenBreachImminent');
    expect(stdout).toMatch(/breached at\s+threshold alert at\s+predicted alert at\s+lead vs breach/);
    const totals = /breaches (\d+), caught (\d+), missed (\d+)/.exec(stdout);
    expect(Number(totals?.[1])).toBe(30);
    expect(Number(totals?.[2])).toBe(30);
    expect(stdout).toContain('false alarms 0');
  });

  it('explains bad input in one line and exits 2', async () => {
    const neither = await omen('backtest');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give either a CSV file or --prometheus');
    const short = await omen('backtest', join(dir, 'history.csv'), '--learn', '0.01');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/too little history/);
    expect(short.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!prometheusAvailable() && process.env.CI !== 'true')('omen backtest on Prometheus', () => {
  it('replays every service the query returns, read back through query_range', async () => {
    const { code, stdout, stderr } = await omen(
      'backtest',
      '--prometheus',
      prometheusUrl,
      '--query',
      'demo_error_ratio',
      '--from',
      new Date(start).toISOString(),
      '--to',
      new Date(start + (STEPS - 1) * STEP_MS).toISOString(),
      '--step',
      '1m',
      '--threshold',
      '0.05',
      '--learn',
      '0.5',
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/\[1\/1\] query_range .*: 2 series/);
    const checkout = stdout.slice(stdout.indexOf('checkout:'));
    expect(checkout).toMatch(/breaches 30, caught 30, missed 0/);
    const payments = stdout.slice(stdout.indexOf('payments:'));
    expect(payments).toMatch(/breaches 0, caught 0, missed 0\nfalse alarms 0/);
  });

  it('says in one line what the server refused', async () => {
    const { code, stderr } = await omen(
      'backtest',
      '--prometheus',
      prometheusUrl,
      '--query',
      'sum(',
      '--from',
      '1h',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^omen: prometheus .*query sum\(: .*parse error/);
  });
});

describe.skipIf(!prometheusAvailable() && process.env.CI !== 'true')('the call graph from Tempo', () => {
  it('reads the service-graph rates from Prometheus and keeps the real service-to-service edges', async () => {
    const source = prometheusSourceSchema.parse({ name: 'prom', type: 'prometheus', url: prometheusUrl });
    const query = createServiceGraphQuery(source, {
      metric: 'traces_service_graph_request_total',
      window: '10m',
    });
    const rows = await query.read(start + 120 * STEP_MS, new AbortController().signal);
    expect(rows.map((r) => [r.client, r.server, Number(r.rate.toFixed(4))]).sort()).toEqual(
      CALLS.map(([client, server, perSecond]) => [client, server, perSecond]).sort(),
    );
    const edges = tempoEdges(rows, { minRate: 0.01, services: new Map(), ignore: ['user', 'unknown'] });
    expect(edges.map((e) => `${e.client}→${e.server}`)).toEqual(['checkout→payments', 'frontend→checkout']);
  });
});
