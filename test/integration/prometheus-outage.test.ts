/**
 * The `prometheus` source against a real Prometheus, through an outage. Prometheus
 * scrapes the demo and the exporter; the exporter reads the demo's error ratio back
 * through Prometheus's HTTP API. An incident raises payments' anomaly score (asserted by
 * querying Prometheus); Prometheus is stopped (omen_source_up=0, a clear log line, the
 * circuit opens) and restarted on the same port and storage (omen_source_up=1), and the
 * samples of the outage window are read back into the store.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The type only: the test runs the built store, like the exporter it checks.
import type { openDuckDbStore as OpenDuckDbStore } from '../../exporter/src/store/duckdb/duckdb-store.js';
import type { prometheusSourceSchema as PrometheusSourceSchema } from '../../exporter/src/config/prometheus-source-schema.js';
import type { signalSchema as SignalSchema } from '../../exporter/src/config/schema.js';
import type { createPrometheusBreakdown as CreatePrometheusBreakdown } from '../../exporter/src/sources/prometheus/label-breakdown-query.js';
import {
  freePort,
  OMEN_BIN,
  parseExposition,
  ROOT,
  startProcess,
  waitFor,
  type RunningProcess,
} from './support/processes.js';
import {
  prometheusAvailable,
  promQuery,
  startPrometheus,
  waitForTargetsUp,
  writePrometheusConfig,
} from './support/prometheus.js';

const SCORE = 'omen_anomaly_score{signal="error_ratio",service="payments"}';
const UP = 'omen_source_up{source="prom"}';

let workDir: string;
let demo: RunningProcess | undefined;
let prometheus: RunningProcess | undefined;
let omen: RunningProcess | undefined;
let ports: { demo: number; prometheus: number; omen: number };
let promUrl: string;
let omenUrl: string;
let promArgs: Parameters<typeof startPrometheus>[0];
let outage: { stoppedAt: number; restartedAt: number } | undefined;

/** payments' error_ratio by `code` and `instance` through the built breakdown reader, against the minute before. */
async function breakdowns(incident: { fromMs: number; toMs: number }) {
  const dist = `${ROOT}exporter/dist`;
  const { createPrometheusBreakdown } = (await import(
    `${dist}/sources/prometheus/label-breakdown-query.js`
  )) as { createPrometheusBreakdown: typeof CreatePrometheusBreakdown };
  const { prometheusSourceSchema } = (await import(`${dist}/config/prometheus-source-schema.js`)) as {
    prometheusSourceSchema: typeof PrometheusSourceSchema;
  };
  const { signalSchema } = (await import(`${dist}/config/schema.js`)) as {
    signalSchema: typeof SignalSchema;
  };
  const reader = createPrometheusBreakdown(
    prometheusSourceSchema.parse({ name: 'prom', type: 'prometheus', url: promUrl }),
    [
      signalSchema.parse({
        name: 'error_ratio',
        type: 'ratio',
        numerator: 'http_requests_total{job="demo",code=~"5.."}',
        denominator: 'http_requests_total{job="demo"}',
        contrastBy: ['code', 'instance'],
      }),
    ],
  );
  return reader.read({
    signal: 'error_ratio',
    service: 'payments',
    incident,
    baseline: { fromMs: incident.fromMs - 60_000, toMs: incident.fromMs },
    abort: AbortSignal.timeout(10_000),
  });
}

async function omenMetrics(): Promise<Map<string, number>> {
  return parseExposition(await (await fetch(`${omenUrl}/metrics`)).text());
}

function writeOmenConfig(): string {
  const file = join(workDir, 'omen.yaml');
  writeFileSync(
    file,
    [
      'server: { host: 127.0.0.1, port: 1 }', // OMEN_PORT wins
      `store: { path: ${join(workDir, 'omen.duckdb')} }`,
      'pipeline: { interval: 1s }',
      'anomaly: { minPoints: 20 }',
      'sources:',
      '  - name: prom',
      '    type: prometheus',
      `    url: http://127.0.0.1:${ports.prometheus}`,
      '    lookback: 10m',
      '    step: 1s',
      // Short, so the incident is a step rather than a 20-second ramp the baseline follows.
      '    rateWindow: 5s',
      '    queryTimeout: 2s',
      '    retries: 1',
      '    retryBackoff: 200ms',
      '    circuitBreaker: { failures: 2, openFor: 1s, maxOpenFor: 3s }',
      'signals:',
      '  - name: error_ratio',
      '    type: ratio',
      '    numerator: http_requests_total{job="demo",code=~"5.."}',
      '    denominator: http_requests_total{job="demo"}',
      '    threshold: 0.05',
      '    season: none',
      '  - name: errors_per_second',
      '    type: promql',
      '    query: sum by (service) (rate(http_requests_total{job="demo",code=~"5.."}[30s]))',
      '    season: none',
      '',
    ].join('\n'),
  );
  return file;
}

beforeAll(async () => {
  if (!prometheusAvailable()) {
    if (process.env.CI === 'true')
      throw new Error('prometheus is not installed (apt-get install prometheus)');
    return;
  }
  workDir = mkdtempSync(join(tmpdir(), 'omen-prom-it-'));
  ports = { demo: await freePort(), prometheus: await freePort(), omen: await freePort() };
  promUrl = `http://127.0.0.1:${ports.prometheus}`;
  omenUrl = `http://127.0.0.1:${ports.omen}`;
  mkdirSync(join(workDir, 'tsdb'));
  promArgs = {
    config: writePrometheusConfig(workDir, {
      demo: `127.0.0.1:${ports.demo}`,
      omen: `127.0.0.1:${ports.omen}`,
    }),
    storage: join(workDir, 'tsdb'),
    port: ports.prometheus,
  };
  demo = startProcess('node', [
    OMEN_BIN,
    'demo',
    '--port',
    String(ports.demo),
    '--schedule',
    'off',
    '--day-length',
    '2h',
  ]);
  // The demo's own series, so a port taken by anything else fails here and says so.
  await waitFor(
    'the demo to serve http_requests_total',
    async () =>
      (await (await fetch(`http://127.0.0.1:${ports.demo}/metrics`)).text()).includes('http_requests_total')
        ? true
        : undefined,
    { timeoutMs: 20_000, context: demo.output },
  );
  prometheus = startPrometheus(promArgs);
  await waitForTargetsUp(promUrl, ['demo'], prometheus);
  omen = startProcess('node', [OMEN_BIN, 'serve', '--config', writeOmenConfig()], {
    OMEN_PORT: String(ports.omen),
  });
  await waitForTargetsUp(promUrl, ['demo', 'omen'], prometheus);
});

afterAll(async () => {
  await omen?.stop('SIGTERM');
  await prometheus?.stop('SIGTERM');
  await demo?.stop('SIGTERM');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(!prometheusAvailable() && process.env.CI !== 'true')(
  'prometheus source, real Prometheus',
  () => {
    it('reads the demo through Prometheus and scores every service, warm', async () => {
      await waitFor(
        'payments to finish warming',
        async () => {
          const series = await omenMetrics();
          return series.get('omen_series_warming{signal="error_ratio",service="payments"}') === 0
            ? true
            : undefined;
        },
        // The detector needs minPoints plus its calibration residuals: about 70 cycles of 1s.
        { timeoutMs: 120_000, context: () => omen!.output() },
      );
      const series = await omenMetrics();
      expect(series.get(UP)).toBe(1);
      expect(series.has('omen_signal_value{signal="errors_per_second",service="payments"}')).toBe(true);
      expect(omen!.output()).toContain('backfill done');
    });

    it('raises payments’ anomaly score on an incident, as Prometheus sees it', async () => {
      const startedAt = Date.now();
      const started = await fetch(`http://127.0.0.1:${ports.demo}/demo/incidents/error_spike`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service: 'payments' }),
      });
      expect(started.status).toBe(202);
      // Only what Prometheus scraped since the incident started counts.
      const since = () => `${Math.ceil((Date.now() - startedAt) / 1000) + 1}s`;
      // 0.95, not anomaly.activeAt: with ~70 points of 1s history and payments' few requests
      // per rate window, the detector's band widens after the first outliers, and whether
      // `omen_anomaly_active` fires is the detector's business, not this source's.
      const window = await waitFor(
        'Prometheus to see a high anomaly score for payments',
        async () => {
          const range = since();
          const [result] = await promQuery(promUrl, `max_over_time(${SCORE}[${range}])`);
          return Number(result?.value[1] ?? 0) >= 0.95 ? range : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500, context: () => omen!.output() },
      );
      // The value behind it is the incident's error ratio, read back through Prometheus.
      const [value] = await promQuery(
        promUrl,
        `max_over_time(omen_signal_value{signal="error_ratio",service="payments"}[${window}])`,
      );
      expect(Number(value?.value[1])).toBeGreaterThan(0.05);

      // RCA's label contrast asks the same Prometheus for payments' errors by status code. The
      // score can cross 0.95 a scrape or two before Prometheus holds two points of the new
      // code="500" counter inside the incident window (increase() needs two), so ask until it does.
      const [codes, instances] = await waitFor(
        'Prometheus to count payments’ 500s in the incident window',
        async () => {
          const read = await breakdowns({ fromMs: startedAt, toMs: Date.now() });
          const fiveHundreds = read[0]?.values.find((v) => v.value === '500')?.incident ?? 0;
          return fiveHundreds > 0 ? read : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 1000, context: () => omen!.output() },
      );
      expect(codes!.values.find((v) => v.value === '500')?.incident).toBeGreaterThan(0);
      // …and by the instance Prometheus adds, with its traffic in both windows.
      expect(instances!.values).toEqual([
        expect.objectContaining({
          value: `127.0.0.1:${ports.demo}`,
          prior: expect.any(Number),
          incidentTraffic: expect.any(Number),
        }),
      ]);
      expect(instances!.values[0]!.incidentTraffic).toBeGreaterThan(0);
    });

    it('reports the outage while Prometheus is down, and catches up when it returns', async () => {
      const stoppedAt = Date.now();
      await prometheus!.stop('SIGTERM');
      await waitFor(
        'omen_source_up to become 0',
        async () => ((await omenMetrics()).get(UP) === 0 ? true : undefined),
        { timeoutMs: 15_000, context: () => omen!.output() },
      );
      await waitFor(
        'the circuit to open',
        async () => (omen!.output().includes('circuit open') ? true : undefined),
        { timeoutMs: 15_000, context: () => omen!.output() },
      );
      const log = omen!.output();
      expect(log).toMatch(
        /source collection failed.*prometheus http:\/\/127\.0\.0\.1:\d+\/: query .*connection refused/,
      );

      prometheus = startPrometheus(promArgs);
      await waitForTargetsUp(promUrl, ['demo', 'omen'], prometheus);
      const restartedAt = Date.now();
      outage = { stoppedAt, restartedAt };
      await waitFor(
        'omen_source_up to return to 1',
        async () => ((await omenMetrics()).get(UP) === 1 ? true : undefined),
        { timeoutMs: 20_000, context: () => omen!.output() },
      );
      expect(omen!.output()).toContain('source is back up');
      expect(omen!.output()).toContain('caught up after failures');
    });

    it('holds samples from inside the outage window in its store', async () => {
      expect(outage, 'the outage test ran').toBeDefined();
      // The store file is the exporter's while it runs (DESIGN Decision 7): stop it, then read.
      expect(await omen!.stop('SIGTERM')).toBe(0);
      omen = undefined;
      const { openDuckDbStore } = (await import(`${ROOT}exporter/dist/store/duckdb/duckdb-store.js`)) as {
        openDuckDbStore: typeof OpenDuckDbStore;
      };
      const store = await openDuckDbStore({
        path: join(workDir, 'omen.duckdb'),
        memoryLimit: '256MB',
        threads: 1,
      });
      try {
        const inside = { fromMs: outage!.stoppedAt + 1000, toMs: outage!.restartedAt - 1000 };
        const windows = await store.readWindows([inside]);
        // errors_per_second's 30s window outlasts the outage: Prometheus has an answer for
        // every evaluation inside the gap, from the raw samples scraped before it.
        const payments = windows.find((w) => w.signal === 'errors_per_second' && w.service === 'payments');
        expect(payments?.timestampsMs.length ?? 0, `samples in ${JSON.stringify(inside)}`).toBeGreaterThan(0);
        // One per step, none twice.
        const stamps = payments!.timestampsMs;
        expect(new Set(stamps).size).toBe(stamps.length);
      } finally {
        await store.close();
      }
    });
  },
);
