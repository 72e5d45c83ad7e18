/**
 * A real exporter watching the real demo application, built from this repository
 * (exporter/bin/omen.js after `npm run build` at the root), with viewer and operator tokens,
 * on free loopback ports; stopped by PID. The integration tests' process helpers are reused.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  OMEN_BIN,
  startProcess,
  waitFor,
  type RunningProcess,
} from '../../../../test/integration/support/processes.js';
import type { SignalsResponse } from '../../../src/api/contract';

export const DEMO_SERVICES = ['catalog', 'checkout', 'frontend', 'inventory', 'payments'];

export interface RunningOmen {
  url: string;
  /** The demo application's own URL (POST /demo/incidents/:name starts an incident). */
  demoUrl: string;
  tokens: { viewer: string; operator: string };
  /** GET with the viewer token, straight to the exporter (what the test compares the page with). */
  get: <T>(path: string) => Promise<T>;
  stop: () => Promise<void>;
}

/** The harness's action catalog: a webhook to the test's receiver, for everyone; one more scoped to payments. */
export const PAGE_ONCALL = { id: 'page-oncall', title: 'Page the on-call' };

function actionsConfig(webhookUrl: string): string[] {
  const common = `kind: webhook, secret: { env: OMEN_WEBHOOK_SECRET }, retries: 0`;
  const body = '{ action: "{{action.id}}", incident: "{{target.id}}", actor: "{{actor}}", note: "{{params.note}}" }';
  return [
    'actions:',
    `  allowedUrls: ["${webhookUrl}/"]`,
    '  catalog:',
    `    - { id: ${PAGE_ONCALL.id}, title: ${PAGE_ONCALL.title}, ${common}, url: "${webhookUrl}/hook", body: ${body},`,
    '        params: { note: { type: string, description: "Said to the on-call" } } }',
    `    - { id: restart-payments, title: Restart payments, ${common}, url: "${webhookUrl}/restart", approval: true,`,
    '        appliesTo: { services: [payments] } }',
  ];
}

function writeConfig(workDir: string, demoUrl: string, webhookUrl: string): string {
  const file = join(workDir, 'omen.yaml');
  writeFileSync(
    file,
    [
      'server: { host: 127.0.0.1, port: 1 }', // OMEN_PORT wins
      `store: { path: ${join(workDir, 'omen.duckdb')} }`,
      'pipeline: { interval: 1s }',
      // Second-long steps, so the forecast panel has a forecast within half a minute.
      'forecast: { step: 1s, horizons: [10s, 30s], minSteps: 20, history: 600, refitEvery: 20s }',
      'auth:',
      '  tokens:',
      '    - { role: viewer, env: OMEN_VIEWER_TOKEN }',
      '    - { role: operator, env: OMEN_OPERATOR_TOKEN }',
      'sources:',
      `  - { name: demo, type: scrape, url: "${demoUrl}/metrics", timeout: 2s, rateWindow: 5s }`,
      'signals:',
      '  - name: error_ratio',
      '    help: Share of requests answered with a 5xx.',
      '    type: ratio',
      '    numerator: http_requests_total{code=~"5.."}',
      '    denominator: http_requests_total',
      '    threshold: 0.05',
      '    season: none',
      ...actionsConfig(webhookUrl),
      '',
    ].join('\n')
  );
  return file;
}

/**
 * Starts the demo and the exporter (its webhook actions posting to `webhookUrl`), and
 * resolves once every demo service has a series.
 */
export async function startOmen(workDir: string, webhookUrl: string): Promise<RunningOmen> {
  if (!existsSync(OMEN_BIN.replace('bin/omen.js', 'dist'))) {
    throw new Error('the exporter is not built: run `npm run build` at the repository root first');
  }
  const [demoPort, omenPort] = [await freePort(), await freePort()];
  const demoUrl = `http://127.0.0.1:${demoPort}`;
  const url = `http://127.0.0.1:${omenPort}`;
  const tokens = { viewer: randomBytes(24).toString('hex'), operator: randomBytes(24).toString('hex') };
  const demoArgs = ['demo', '--port', String(demoPort), '--schedule', 'off', '--peak-rps', '400'];
  const demo = startProcess('node', [OMEN_BIN, ...demoArgs]);
  const omen: RunningProcess = startProcess(
    'node',
    [OMEN_BIN, 'serve', '--config', writeConfig(workDir, demoUrl, webhookUrl)],
    {
      OMEN_PORT: String(omenPort),
      OMEN_VIEWER_TOKEN: tokens.viewer,
      OMEN_OPERATOR_TOKEN: tokens.operator,
      OMEN_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
    }
  );
  const get = async <T,>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${tokens.viewer}` } });
    if (!response.ok) {
      throw new Error(`GET ${path}: HTTP ${response.status}`);
    }
    return (await response.json()) as T;
  };
  await waitFor(
    'the exporter to report a series for every demo service',
    async () => {
      const body = await get<SignalsResponse>('/api/v1/signals');
      return body.signals[0]?.series.length === DEMO_SERVICES.length ? true : undefined;
    },
    { timeoutMs: 60_000, context: () => `${demo.output()}\n${omen.output()}` }
  );
  return {
    url,
    demoUrl,
    tokens,
    get,
    stop: async () => {
      await omen.stop('SIGTERM');
      await demo.stop('SIGTERM');
    },
  };
}
