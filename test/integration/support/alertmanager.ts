/**
 * A real Alertmanager (Debian's prometheus-alertmanager) for integration tests: its own
 * loopback port and storage directory, gossip off, polled until ready, stopped by PID.
 */
import { existsSync } from 'node:fs';
import { startProcess, waitFor, type RunningProcess } from './processes.js';

export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';

export function alertmanagerAvailable(): boolean {
  return existsSync(ALERTMANAGER_BIN);
}

export async function startAlertmanager(options: {
  config: string;
  storage: string;
  port: number;
}): Promise<RunningProcess> {
  const alertmanager = startProcess(ALERTMANAGER_BIN, [
    `--config.file=${options.config}`,
    `--storage.path=${options.storage}`,
    `--web.listen-address=127.0.0.1:${options.port}`,
    '--cluster.listen-address=',
    '--log.level=warn',
  ]);
  await waitFor(
    'Alertmanager to be ready',
    async () => ((await fetch(`http://127.0.0.1:${options.port}/-/ready`)).ok ? true : undefined),
    { timeoutMs: 30_000, context: alertmanager.output },
  );
  return alertmanager;
}

export interface AlertmanagerAlert {
  labels: Record<string, string>;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; inhibitedBy: string[]; silencedBy: string[] };
  receivers: { name: string }[];
}

export async function postAlerts(
  url: string,
  alerts: { labels: Record<string, string>; annotations?: Record<string, string> }[],
): Promise<void> {
  const response = await fetch(`${url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts.map((alert) => ({ ...alert, startsAt: new Date().toISOString() }))),
  });
  if (!response.ok) throw new Error(`posting alerts: HTTP ${response.status} ${await response.text()}`);
}

/** The alerts Alertmanager holds, read back through its v2 API (inhibited ones included). */
export async function getAlerts(url: string): Promise<AlertmanagerAlert[]> {
  const response = await fetch(`${url}/api/v2/alerts`);
  if (!response.ok) throw new Error(`reading alerts: HTTP ${response.status}`);
  return (await response.json()) as AlertmanagerAlert[];
}
