/**
 * The push path end to end, with the built exporter as a real process: tokens from the
 * environment, error events and samples pushed over HTTP, the error-rate series read back
 * from /metrics, and the token rules (401 without one, 403 for the wrong role).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  OMEN_BIN,
  parseExposition,
  startProcess,
  waitFor,
  type RunningProcess,
} from './support/processes.js';

const INGEST_TOKEN = 'it-ingest-token-4f1c9a2e7b';
const VIEWER_TOKEN = 'it-viewer-token-8d3e6b1a5c';
const rate = (service: string) => `omen_signal_value{signal="pushed_error_rate",service="${service}"}`;

let omen: RunningProcess;
let omenUrl: string;
let workDir: string;

function configText(host: string, withTokens: boolean, storeFile: string): string {
  return [
    `server: { host: ${host} }`,
    `store: { path: "${storeFile}" }`,
    'pipeline: { interval: 1s }',
    ...(withTokens
      ? [
          'auth:',
          '  tokens:',
          '    - { role: ingest, env: OMEN_IT_INGEST_TOKEN }',
          '    - { role: viewer, env: OMEN_IT_VIEWER_TOKEN }',
        ]
      : []),
    'sources:',
    '  - { name: app, type: push, signal: pushed_error_rate, window: 1m, threshold: 1 }',
    'signals:',
    '  - { name: queue_depth, type: gauge, selector: queue_depth, sources: [app], season: none }',
    '',
  ].join('\n');
}

async function metrics(): Promise<Map<string, number>> {
  return parseExposition(await (await fetch(`${omenUrl}/metrics`)).text());
}

function ingest(body: unknown, token?: string) {
  return fetch(`${omenUrl}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'omen-push-it-'));
  const port = await freePort();
  omenUrl = `http://127.0.0.1:${port}`;
  const config = join(workDir, 'omen.yaml');
  writeFileSync(config, configText('127.0.0.1', true, join(workDir, 'omen.duckdb')));
  omen = startProcess('node', [OMEN_BIN, 'serve', '--config', config], {
    OMEN_PORT: String(port),
    OMEN_IT_INGEST_TOKEN: INGEST_TOKEN,
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
  rmSync(workDir, { recursive: true, force: true });
  expect(code, `exporter exit code after SIGTERM\n${omen?.output()}`).toBe(0);
});

describe('push ingest, real process', () => {
  it('refuses a push without a token (401) and from a viewer (403), with /metrics open', async () => {
    const anonymous = await ingest({ events: [{ service: 'payments', type: 'TimeoutError' }] });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="omen"');
    expect(((await anonymous.json()) as any).error.code).toBe('unauthorized');
    expect((await ingest({ events: [] }, VIEWER_TOKEN)).status).toBe(403);
    expect((await fetch(`${omenUrl}/metrics`)).status).toBe(200);
  });

  it('turns pushed error events into omen_signal_value for the push signal', async () => {
    const events = Array.from({ length: 12 }, (_, i) => ({
      service: 'payments',
      type: i % 2 ? 'TimeoutError' : 'ConnectionRefused',
      severity: 'error',
    }));
    const answer = await ingest(
      { events, samples: [{ signal: 'queue_depth', service: 'api', value: 42 }] },
      INGEST_TOKEN,
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ accepted: { samples: 1, events: 12 } });

    const seen = await waitFor(
      'the pushed error rate on /metrics',
      async () => {
        const series = await metrics();
        return series.has(rate('payments')) &&
          series.has('omen_signal_value{signal="queue_depth",service="api"}')
          ? series
          : undefined;
      },
      { timeoutMs: 20_000, context: omen.output },
    );
    expect(seen.get(rate('payments'))).toBeCloseTo(12 / 60, 6);
    expect(seen.get('omen_signal_value{signal="queue_depth",service="api"}')).toBe(42);
    expect(seen.get('omen_threshold{signal="pushed_error_rate",service="payments"}')).toBe(1);
    expect(seen.get('omen_source_up{source="app"}')).toBe(1);
  });

  it('lets the viewer read the push signal, and not the ingest token', async () => {
    const read = await fetch(`${omenUrl}/api/v1/signals`, {
      headers: { authorization: `Bearer ${VIEWER_TOKEN}` },
    });
    const body = (await read.json()) as any;
    expect(body.signals.map((s: { name: string; type: string }) => [s.name, s.type])).toEqual([
      ['queue_depth', 'gauge'],
      ['pushed_error_rate', 'events'],
    ]);
    const denied = await fetch(`${omenUrl}/api/v1/signals`, {
      headers: { authorization: `Bearer ${INGEST_TOKEN}` },
    });
    expect(denied.status).toBe(403);
  });

  it('never writes a token to its log', () => {
    expect(omen.output()).not.toContain(INGEST_TOKEN);
    expect(omen.output()).not.toContain(VIEWER_TOKEN);
  });
});

describe('an open API on a non-loopback address', () => {
  it('logs one warning at start', async () => {
    const port = await freePort();
    const config = join(workDir, 'open.yaml');
    writeFileSync(config, configText('0.0.0.0', false, ':memory:'));
    const open = startProcess('node', [OMEN_BIN, 'serve', '--config', config], { OMEN_PORT: String(port) });
    try {
      await waitFor(
        'the open exporter to start',
        async () => (/omen is serving/.test(open.output()) ? true : undefined),
        {
          timeoutMs: 20_000,
          context: open.output,
        },
      );
      expect(open.output().match(/the API is open to anyone/g)).toHaveLength(1);
    } finally {
      expect(await open.stop('SIGTERM')).toBe(0);
    }
  });
});
