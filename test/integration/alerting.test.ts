/**
 * Omen's alerting provisioning against the real tools: the rule files name only metrics of
 * the contract and each rule is unit-tested (`promtool test rules`, run in the `alerting`
 * stage); Debian's Prometheus loads the provisioned config and serves the runbook the alerts
 * link to; Debian's Alertmanager, with the provisioned config, inhibits a series' predicted
 * alerts while its threshold alert fires — and only that series'.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  alertmanagerAvailable,
  getAlerts,
  postAlerts,
  startAlertmanager,
  type AlertmanagerAlert,
} from './support/alertmanager.js';
import { freePort, ROOT, startProcess, waitFor, type RunningProcess } from './support/processes.js';
import { prometheusAvailable, PROMETHEUS_BIN } from './support/prometheus.js';

const PROM_DIR = join(ROOT, 'provisioning/prometheus');
const RULES_DIR = join(PROM_DIR, 'rules');
const TESTS_DIR = join(RULES_DIR, 'tests');

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const ruleFiles = readdirSync(RULES_DIR).filter((file) => file.endsWith('.yml'));
const rules: Rule[] = ruleFiles.flatMap((file) =>
  (parse(readFileSync(join(RULES_DIR, file), 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap(
    (group) => group.rules,
  ),
);
const alerts = rules.filter((rule) => rule.alert !== undefined);
const recorded = rules.filter((rule) => rule.record !== undefined).map((rule) => rule.record!);
const ruleTests = readdirSync(TESTS_DIR)
  .filter((file) => file.endsWith('.test.yml'))
  .map((file) => readFileSync(join(TESTS_DIR, file), 'utf8'))
  .join('\n');

/** The metric names of DESIGN's metric contract table. */
function contractMetrics(): Set<string> {
  const design = readFileSync(join(ROOT, '../shared/DESIGN.md'), 'utf8');
  const table = design.slice(design.indexOf('## The metric contract'), design.indexOf('## Decisions'));
  return new Set(table.match(/omen_[a-z0-9_]+/g));
}

describe('alert and recording rules', () => {
  it('read only metrics of the contract (recording rules aside)', () => {
    const contract = contractMetrics();
    const text = rules.map((rule) => [rule.expr, ...Object.values(rule.annotations ?? {})].join('\n'));
    // Recording rules are named level:metric:operation; their names contain colons.
    const used = text.flatMap((t) => t.replace(/[a-z_]+:[a-z0-9_:]+/g, '').match(/omen_[a-z0-9_]+/g) ?? []);
    expect(new Set(used).size).toBeGreaterThan(8);
    expect(used.filter((name) => !contract.has(name))).toEqual([]);
  });

  it('label every alert for routing and link it to its runbook section and Grafana', () => {
    const runbook = readFileSync(join(PROM_DIR, 'consoles/omen-runbook.html'), 'utf8');
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    for (const rule of alerts) {
      expect(['critical', 'warning'], rule.alert).toContain(rule.labels?.severity);
      expect(['predicted', 'threshold', 'anomaly', 'health'], rule.alert).toContain(rule.labels?.kind);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
      expect(rule.annotations?.runbook_url, rule.alert).toBe(
        `{{ $externalURL }}/consoles/omen-runbook.html#${rule.alert}`,
      );
      expect(runbook, rule.alert).toContain(`<h2 id="${rule.alert}">`);
      expect(rule.annotations?.grafana_url, rule.alert).toMatch(/^http:\/\/localhost:3000\/d\/omen-/);
    }
    for (const rule of alerts.filter((a) => a.labels?.kind === 'predicted'))
      expect(rule.annotations?.time_to_breach, rule.alert).toContain('omen_time_to_breach_seconds');
  });

  it('have promtool unit tests: every alert firing and not firing, every recording rule', () => {
    for (const rule of alerts) {
      const cases = [
        ...ruleTests.matchAll(new RegExp(`alertname: ${rule.alert}\\n\\s+exp_alerts:(.*)`, 'g')),
      ];
      expect(
        cases.some((c) => c[1]!.trim() === '[]'),
        `${rule.alert} not-firing case`,
      ).toBe(true);
      expect(
        cases.some((c) => c[1]!.trim() === ''),
        `${rule.alert} firing case`,
      ).toBe(true);
    }
    for (const name of recorded) expect(ruleTests, name).toContain(`expr: ${name}\n`);
  });
});

const toolsMissing = !prometheusAvailable() || !alertmanagerAvailable();
let workDir: string;
let prometheus: RunningProcess | undefined;
let alertmanager: RunningProcess | undefined;
let promUrl: string;
let amUrl: string;

beforeAll(async () => {
  if (toolsMissing) {
    if (process.env.CI === 'true')
      throw new Error(
        'install prometheus and prometheus-alertmanager (apt-get install -y prometheus prometheus-alertmanager)',
      );
    return;
  }
  workDir = mkdtempSync(join(tmpdir(), 'omen-alerting-it-'));
  const [promPort, amPort] = [await freePort(), await freePort()];
  promUrl = `http://127.0.0.1:${promPort}`;
  amUrl = `http://127.0.0.1:${amPort}`;
  mkdirSync(join(workDir, 'tsdb'));
  mkdirSync(join(workDir, 'am'));
  prometheus = startProcess(PROMETHEUS_BIN, [
    `--config.file=${join(PROM_DIR, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(workDir, 'tsdb')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    `--web.console.templates=${join(PROM_DIR, 'consoles')}`,
    `--web.external-url=${promUrl}`,
    '--log.level=error',
  ]);
  alertmanager = await startAlertmanager({
    config: join(ROOT, 'provisioning/alertmanager/alertmanager.yml'),
    storage: join(workDir, 'am'),
    port: amPort,
  });
});

afterAll(async () => {
  await prometheus?.stop('SIGTERM');
  await alertmanager?.stop('SIGTERM');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(toolsMissing && process.env.CI !== 'true')('provisioned Prometheus and Alertmanager', () => {
  it('Prometheus loads every rule and evaluates it without error, and serves the runbook', async () => {
    interface Group {
      rules: { name: string; health: string; lastError?: string }[];
    }
    const loaded = await waitFor(
      'every rule to be evaluated once',
      async () => {
        const body = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as { data: { groups: Group[] } };
        const all = body.data.groups.flatMap((group) => group.rules);
        return all.length === rules.length && all.every((rule) => rule.health !== 'unknown')
          ? all
          : undefined;
      },
      { timeoutMs: 30_000, context: prometheus!.output },
    );
    expect(loaded.filter((rule) => rule.health !== 'ok')).toEqual([]);
    expect(loaded.map((rule) => rule.name).sort()).toEqual(rules.map((r) => r.alert ?? r.record).sort());

    const page = await fetch(`${promUrl}/consoles/omen-runbook.html`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const rule of alerts) expect(html).toContain(`id="${rule.alert}"`);
  });

  it('Alertmanager inhibits a series’ predicted alert while its threshold alert fires', async () => {
    const series = (service: string) => ({
      job: 'omen',
      instance: 'omen:10420',
      signal: 'error_ratio',
      service,
    });
    const predicted = {
      alertname: 'OmenBreachImminent',
      severity: 'critical',
      kind: 'predicted',
      horizon: '5m',
    };
    await postAlerts(amUrl, [
      { labels: { ...series('checkout'), ...predicted } },
      { labels: { ...series('payments'), ...predicted } },
      {
        labels: {
          ...series('checkout'),
          alertname: 'OmenThresholdBreached',
          severity: 'critical',
          kind: 'threshold',
        },
      },
      {
        labels: {
          job: 'omen',
          instance: 'omen:10420',
          source: 'demo',
          alertname: 'OmenSourceDown',
          severity: 'warning',
          kind: 'health',
        },
      },
      {
        labels: { ...series('inventory'), alertname: 'OmenSeriesStale', severity: 'warning', kind: 'health' },
      },
    ]);
    const held = await waitFor(
      'Alertmanager to hold the five alerts',
      async () => {
        const got = await getAlerts(amUrl);
        return got.length === 5 ? got : undefined;
      },
      { timeoutMs: 10_000, context: alertmanager!.output },
    );
    const state = (alert: AlertmanagerAlert) =>
      `${alert.labels.alertname} ${alert.labels.service ?? alert.labels.source}: ${alert.status.state}`;
    expect(held.map(state).sort()).toEqual([
      'OmenBreachImminent checkout: suppressed',
      'OmenBreachImminent payments: active',
      'OmenSeriesStale inventory: suppressed',
      'OmenSourceDown demo: active',
      'OmenThresholdBreached checkout: active',
    ]);
    const receivers = (name: string, service: string) =>
      held
        .find(
          (alert) =>
            alert.labels.alertname === name && (alert.labels.service ?? alert.labels.source) === service,
        )!
        .receivers.map((receiver) => receiver.name)
        .sort();
    expect(receivers('OmenBreachImminent', 'payments')).toEqual(['oncall-webhook', 'team-slack']);
    expect(receivers('OmenSourceDown', 'demo')).toEqual(['omen-operators-email']);
  });
});
