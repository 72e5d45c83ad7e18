/**
 * The alertmanager_silence action end to end: the built exporter as a real process, a real
 * Alertmanager (Debian's), an anomaly already in the store. An operator (named by the
 * Grafana user header) executes the action through Omen's API; Alertmanager then holds a
 * silence for exactly that series, created by that user, and silences its alert while
 * another series' alert stays active. The execution is idempotent and audited.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { openDuckDbStore as OpenDuckDbStore } from '../../exporter/src/store/duckdb/duckdb-store.js';
import { alertmanagerAvailable, getAlerts, postAlerts, startAlertmanager } from './support/alertmanager.js';
import { freePort, OMEN_BIN, ROOT, startProcess, waitFor, type RunningProcess } from './support/processes.js';

const OPERATOR_TOKEN = 'it-operator-token-5b2d8e1f9a';
const VIEWER_TOKEN = 'it-viewer-token-3c7a0d6e4b';

let omen: RunningProcess | undefined;
let alertmanager: RunningProcess | undefined;
let omenUrl: string;
let amUrl: string;
let workDir: string;
let anomalyId: string;

const toolMissing = !alertmanagerAvailable();

async function seedAnomaly(storeFile: string): Promise<string> {
  const { openDuckDbStore } = (await import(`${ROOT}exporter/dist/store/duckdb/duckdb-store.js`)) as {
    openDuckDbStore: typeof OpenDuckDbStore;
  };
  const store = await openDuckDbStore({ path: storeFile, memoryLimit: '256MB', threads: 1 });
  await store.writeAnomalies([
    {
      signal: 'error_ratio',
      service: 'payments',
      timestampMs: Date.now() - 60_000,
      score: 0.9995,
      severity: 'high',
      value: 0.2,
      expected: 0.01,
      lower: 0,
      upper: 0.03,
      model: 'tail_ensemble',
      kind: 'spike',
      explanation: 'spike',
    },
  ]);
  const { items } = await store.queryAnomalies({ limit: 1 });
  await store.close();
  return items[0]!.id;
}

function omenConfig(storeFile: string): string {
  return [
    'server: { host: 127.0.0.1 }',
    `store: { path: "${storeFile}" }`,
    'pipeline: { interval: 1s }',
    'auth:',
    '  tokens:',
    '    - { role: operator, env: OMEN_IT_OPERATOR_TOKEN }',
    '    - { role: viewer, env: OMEN_IT_VIEWER_TOKEN }',
    'actions:',
    '  catalog:',
    `    - { id: silence, title: Silence for 2h, kind: alertmanager_silence, url: "${amUrl}", duration: 2h, comment: Silenced from the integration test }`,
    'sources:',
    '  - { name: app, type: push, signal: pushed_error_rate, window: 1m }',
    'signals:',
    '  - { name: error_ratio, type: gauge, selector: error_ratio, sources: [app], season: none }',
    '',
  ].join('\n');
}

beforeAll(async () => {
  if (toolMissing) return;
  workDir = mkdtempSync(join(tmpdir(), 'omen-actions-it-'));
  const amPort = await freePort();
  amUrl = `http://127.0.0.1:${amPort}`;
  mkdirSync(join(workDir, 'am'));
  const amConfig = join(workDir, 'alertmanager.yml');
  writeFileSync(
    amConfig,
    ['route: { receiver: blackhole }', 'receivers:', '  - name: blackhole', ''].join('\n'),
  );
  alertmanager = await startAlertmanager({ config: amConfig, storage: join(workDir, 'am'), port: amPort });

  const storeFile = join(workDir, 'omen.duckdb');
  anomalyId = await seedAnomaly(storeFile);
  const port = await freePort();
  omenUrl = `http://127.0.0.1:${port}`;
  const config = join(workDir, 'omen.yaml');
  writeFileSync(config, omenConfig(storeFile));
  omen = startProcess('node', [OMEN_BIN, 'serve', '--config', config], {
    OMEN_PORT: String(port),
    OMEN_IT_OPERATOR_TOKEN: OPERATOR_TOKEN,
    OMEN_IT_VIEWER_TOKEN: VIEWER_TOKEN,
  });
  await waitFor(
    'the exporter to serve /healthz',
    async () => ((await fetch(`${omenUrl}/healthz`)).ok ? true : undefined),
    {
      timeoutMs: 20_000,
      context: omen.output,
    },
  );
});

afterAll(async () => {
  const code = await omen?.stop('SIGTERM');
  await alertmanager?.stop('SIGTERM');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  if (omen) expect(code, `exporter exit code after SIGTERM\n${omen.output()}`).toBe(0);
});

function execute(key: string, token = OPERATOR_TOKEN) {
  return fetch(`${omenUrl}/api/v1/actions/silence/execute`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': key,
      'x-grafana-user': 'alice',
    },
    body: JSON.stringify({ anomalyId }),
  });
}

interface Silence {
  id: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual?: boolean }[];
  createdBy: string;
  comment: string;
  endsAt: string;
  status: { state: string };
}

describe.skipIf(toolMissing && process.env.CI !== 'true')(
  'alertmanager_silence against a real Alertmanager',
  () => {
    it('creates one silence for the anomaly’s series, by the operator, that silences only its alert', async () => {
      expect((await execute('it-key-viewer', VIEWER_TOKEN)).status).toBe(403);

      const answer = await execute('it-key-1');
      const body = (await answer.json()) as {
        execution: { id: string; state: string; result: { silenceIds: string[] } };
      };
      expect(answer.status, JSON.stringify(body)).toBe(200);
      expect(body.execution.state).toBe('success');
      expect(body.execution.result.silenceIds).toHaveLength(1);

      const silences = (await (await fetch(`${amUrl}/api/v2/silences`)).json()) as Silence[];
      expect(silences).toHaveLength(1);
      const [silence] = silences;
      expect(silence!.id).toBe(body.execution.result.silenceIds[0]);
      expect(silence!.createdBy).toBe('alice');
      expect(silence!.comment).toContain('Silenced from the integration test');
      expect(silence!.status.state).toBe('active');
      expect(silence!.matchers.map(({ name, value, isRegex }) => ({ name, value, isRegex }))).toEqual(
        expect.arrayContaining([
          { name: 'signal', value: 'error_ratio', isRegex: false },
          { name: 'service', value: 'payments', isRegex: false },
        ]),
      );
      const hours = (Date.parse(silence!.endsAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThanOrEqual(2);

      await postAlerts(amUrl, [
        { labels: { alertname: 'OmenAnomaly', signal: 'error_ratio', service: 'payments' } },
        { labels: { alertname: 'OmenAnomaly', signal: 'error_ratio', service: 'catalog' } },
      ]);
      const states = await waitFor(
        'Alertmanager to process both alerts',
        async () => {
          const alerts = await getAlerts(amUrl);
          const byService = new Map(alerts.map((alert) => [alert.labels.service, alert.status]));
          return byService.get('payments')?.state === 'suppressed' &&
            byService.get('catalog')?.state === 'active'
            ? byService
            : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(states.get('payments')!.silencedBy).toEqual([silence!.id]);
    });

    it('runs a repeated Idempotency-Key once, and audits the execution', async () => {
      const again = await execute('it-key-1');
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(((await (await fetch(`${amUrl}/api/v2/silences`)).json()) as Silence[]).length).toBe(1);

      const audit = (await (
        await fetch(`${omenUrl}/api/v1/audit?action=action.execute`, {
          headers: { authorization: `Bearer ${VIEWER_TOKEN}` },
        })
      ).json()) as { items: { actor: string; result: string; target: string }[] };
      expect(audit.items.map((row) => row.result)).toEqual(['replayed', 'success']);
      expect(audit.items.every((row) => row.actor === 'alice' && row.target === `anomaly:${anomalyId}`)).toBe(
        true,
      );
      const metrics = await (await fetch(`${omenUrl}/metrics`)).text();
      expect(metrics).toContain('omen_action_executions_total{action="silence",result="success"} 1');
    });
  },
);
