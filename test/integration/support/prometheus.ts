/**
 * A real Prometheus (Debian's /usr/bin/prometheus) for integration tests: its own
 * loopback port, temporary config and storage directory, polled until its targets are up
 * (a fresh Prometheus scrapes its first target a few seconds after start), stopped by PID.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, waitFor, type RunningProcess } from './processes.js';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';

export function prometheusAvailable(): boolean {
  return existsSync(PROMETHEUS_BIN);
}

/**
 * Writes a config scraping every target each second — and, when given, evaluating rule files
 * each second and sending alerts to an Alertmanager; returns its path.
 */
export function writePrometheusConfig(
  dir: string,
  targets: Record<string, string>,
  alerting: { rules: string[]; alertmanager: string } | undefined = undefined,
): string {
  const jobs = Object.entries(targets).flatMap(([job, target]) => [
    `  - job_name: ${job}`,
    `    static_configs: [{ targets: ['${target}'] }]`,
  ]);
  const rules = alerting
    ? [
        '  evaluation_interval: 1s',
        'rule_files:',
        ...alerting.rules.map((file) => `  - ${file}`),
        'alerting:',
        `  alertmanagers: [{ static_configs: [{ targets: ['${alerting.alertmanager}'] }] }]`,
      ]
    : [];
  const file = join(dir, 'prometheus.yml');
  writeFileSync(
    file,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      ...rules,
      'scrape_configs:',
      ...jobs,
      '',
    ].join('\n'),
  );
  return file;
}

export function startPrometheus(options: { config: string; storage: string; port: number }): RunningProcess {
  return startProcess(PROMETHEUS_BIN, [
    `--config.file=${options.config}`,
    `--storage.tsdb.path=${options.storage}`,
    `--web.listen-address=127.0.0.1:${options.port}`,
    '--log.level=warn',
  ]);
}

interface ApiAnswer<T> {
  status: string;
  data: T;
}

export async function promQuery(
  url: string,
  query: string,
): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query })}`);
  const body = (await response.json()) as ApiAnswer<{
    result: { metric: Record<string, string>; value: [number, string] }[];
  }>;
  if (body.status !== 'success') throw new Error(`query ${query} failed: ${JSON.stringify(body)}`);
  return body.data.result;
}

/** Resolves once every job's target has been scraped successfully. */
export async function waitForTargetsUp(
  url: string,
  jobs: string[],
  prometheus: RunningProcess,
): Promise<void> {
  await waitFor(
    `Prometheus targets ${jobs.join(', ')} to be up`,
    async () => {
      const response = await fetch(`${url}/api/v1/targets?state=active`);
      const body = (await response.json()) as ApiAnswer<{
        activeTargets: { labels: { job: string }; health: string }[];
      }>;
      const healthy = body.data.activeTargets.filter((t) => t.health === 'up').map((t) => t.labels.job);
      return jobs.every((job) => healthy.includes(job)) ? true : undefined;
    },
    { timeoutMs: 30_000, context: prometheus.output },
  );
}
