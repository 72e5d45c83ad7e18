/**
 * Durability (DESIGN Decision 8) with real processes: the built exporter scrapes the demo
 * and takes pushes in a loop; it is killed with SIGKILL mid-flow and restarted on the same
 * store file. Every push answered 2xx must be in the store, so must the scraped sample
 * behind the last published score, and the series must come back warm — no cold start —
 * as /metrics shows (whatever the detector keeps: history, or state in the store).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The type only: the test runs the built store, like the exporter it checks.
import type { openDuckDbStore as OpenDuckDbStore } from '../../exporter/src/store/duckdb/duckdb-store.js';
import {
  freePort,
  OMEN_BIN,
  parseExposition,
  ROOT,
  startProcess,
  waitFor,
  type RunningProcess,
} from './support/processes.js';

const SCRAPED = '{signal="error_ratio",service="payments"}';
const PUSHED = '{signal="queue_depth",service="api"}';
const WARMING = (series: string) => `omen_series_warming${series}`;

interface Ack {
  timestampMs: number;
  value: number;
}

let workDir: string;
let storeFile: string;
let configFile: string;
let demo: RunningProcess | undefined;
let omen: RunningProcess | undefined;
let omenPort: number;
let omenUrl: string;

async function metrics(): Promise<Map<string, number>> {
  return parseExposition(await (await fetch(`${omenUrl}/metrics`)).text());
}

function startOmen(): RunningProcess {
  return startProcess('node', [OMEN_BIN, 'serve', '--config', configFile], { OMEN_PORT: String(omenPort) });
}

/**
 * Pushes one sample and one error event per request, one request at a time, until
 * stopped; remembers only what was answered 2xx. Failures (the exporter is down) are
 * expected and retried after a pause — with a new sample, never the same one.
 */
class PushLoop {
  readonly acked: Ack[] = [];
  ackedEvents = 0;
  failures = 0;
  private running = true;
  private lastMs = 0;
  private readonly done: Promise<void>;

  constructor() {
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    for (let seq = 0; this.running; seq += 1) {
      const timestampMs = Math.max(Date.now(), this.lastMs + 1);
      this.lastMs = timestampMs;
      const value = 5 + (seq % 7);
      const ok = await this.push(timestampMs, value);
      if (ok) {
        this.acked.push({ timestampMs, value });
        this.ackedEvents += 1;
      } else this.failures += 1;
      await new Promise((resolve) => setTimeout(resolve, ok ? 20 : 100));
    }
  }

  private async push(timestampMs: number, value: number): Promise<boolean> {
    const timestamp = timestampMs / 1000;
    try {
      const response = await fetch(`${omenUrl}/api/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          samples: [{ signal: 'queue_depth', service: 'api', value, timestamp }],
          events: [{ service: 'api', type: 'TimeoutError', severity: 'error', timestamp }],
        }),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'omen-durability-it-'));
  storeFile = join(workDir, 'omen.duckdb');
  const demoPort = await freePort();
  omenPort = await freePort();
  omenUrl = `http://127.0.0.1:${omenPort}`;
  configFile = join(workDir, 'omen.yaml');
  writeFileSync(
    configFile,
    [
      `store: { path: ${storeFile} }`,
      // Half-second cycles: the scraped series warms (about 70 points) in ~40 s.
      'pipeline: { interval: 500ms }',
      'anomaly: { minPoints: 20 }',
      'sources:',
      `  - { name: demo, type: scrape, url: "http://127.0.0.1:${demoPort}/metrics", timeout: 2s, rateWindow: 5s }`,
      '  - { name: app, type: push, signal: pushed_error_rate, window: 1m, rateLimit: { perSecond: 1000, burst: 1000 } }',
      'signals:',
      '  - name: error_ratio',
      '    type: ratio',
      '    numerator: http_requests_total{code=~"5.."}',
      '    denominator: http_requests_total',
      '    sources: [demo]',
      '    season: none',
      '  - { name: queue_depth, type: gauge, selector: queue_depth, sources: [app], season: none }',
      '',
    ].join('\n'),
  );
  demo = startProcess('node', [
    OMEN_BIN,
    'demo',
    '--port',
    String(demoPort),
    '--schedule',
    'off',
    '--day-length',
    '2h',
    '--peak-rps',
    '400',
  ]);
  await waitFor(
    'the demo to serve /metrics',
    async () => ((await fetch(`http://127.0.0.1:${demoPort}/metrics`)).ok ? true : undefined),
    { timeoutMs: 20_000, context: () => demo!.output() },
  );
  omen = startOmen();
  await waitFor(
    'the exporter to serve /healthz',
    async () => ((await fetch(`${omenUrl}/healthz`)).ok ? true : undefined),
    {
      timeoutMs: 20_000,
      context: () => omen!.output(),
    },
  );
});

afterAll(async () => {
  await omen?.stop('SIGTERM');
  await demo?.stop('SIGTERM');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('durability: SIGKILL while scrapes and pushes flow', () => {
  let pushes: PushLoop;
  let beforeKill: Map<string, number>;
  const firstAfterRestart = new Map<string, number>();

  it('warms both series while scraping and taking pushes', async () => {
    pushes = new PushLoop();
    await waitFor(
      'the scraped and the pushed series to finish warming',
      async () => {
        const series = await metrics();
        return series.get(WARMING(SCRAPED)) === 0 && series.get(WARMING(PUSHED)) === 0 ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500, context: () => omen!.output() },
    );
    expect(pushes.acked.length).toBeGreaterThan(100);
  });

  it('survives SIGKILL mid-flow and comes back warm on its first cycles', async () => {
    // Let a few more cycles and pushes go by, then kill without warning.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    beforeKill = await metrics();
    const acksBefore = pushes.acked.length;
    await omen!.stop('SIGKILL');
    const killed = omen!;
    expect(killed.child.signalCode).toBe('SIGKILL');

    omen = startOmen();
    // Poll fast: the first exposition that has a series is its first cycle after restart.
    await waitFor(
      'both series on /metrics after the restart',
      async () => {
        const series = await metrics();
        for (const key of [SCRAPED, PUSHED]) {
          const warming = series.get(WARMING(key));
          if (warming !== undefined && !firstAfterRestart.has(key)) firstAfterRestart.set(key, warming);
        }
        return firstAfterRestart.size === 2 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 50, context: () => omen!.output() },
    );
    expect(
      Object.fromEntries(firstAfterRestart),
      `first omen_series_warming after restart\n${omen.output()}`,
    ).toEqual({
      [SCRAPED]: 0,
      [PUSHED]: 0,
    });
    const after = await metrics();
    expect(after.get(`omen_anomaly_score${SCRAPED}`)).toBeGreaterThanOrEqual(0);
    expect(after.get('omen_source_up{source="demo"}')).toBe(1);
    // Pushes went on after the restart.
    await waitFor(
      'pushes acknowledged after the restart',
      async () => (pushes.acked.length > acksBefore + 20 ? true : undefined),
      {
        timeoutMs: 10_000,
      },
    );
    expect(pushes.failures).toBeGreaterThan(0);
  });

  it('has every acknowledged push and the last published scrape in its store', async () => {
    expect(beforeKill, 'the kill test ran').toBeDefined();
    await pushes.stop();
    // The store file is the exporter's while it runs (DESIGN Decision 7): stop it, then read.
    expect(await omen!.stop('SIGTERM')).toBe(0);
    omen = undefined;
    const { openDuckDbStore } = (await import(`${ROOT}exporter/dist/store/duckdb/duckdb-store.js`)) as {
      openDuckDbStore: typeof OpenDuckDbStore;
    };
    const store = await openDuckDbStore({ path: storeFile, memoryLimit: '256MB', threads: 1 });
    try {
      const firstMs = pushes.acked[0]!.timestampMs;
      const range = { fromMs: firstMs - 60_000, toMs: Date.now() + 1 };
      const windows = await store.readWindows([range]);
      const pushed = windows.find((w) => w.signal === 'queue_depth' && w.service === 'api');
      const stored = new Map(pushed?.timestampsMs.map((ts, i) => [ts, pushed.values[i]]));
      const missing = pushes.acked.filter((ack) => stored.get(ack.timestampMs) !== ack.value);
      expect(missing, `${missing.length} of ${pushes.acked.length} acknowledged samples missing`).toEqual([]);

      const [events] = await store.countErrorEvents({
        activeSinceMs: firstMs - 1,
        fromMs: firstMs - 1,
        toMs: Date.now(),
      });
      // At least: a push whose answer the kill swallowed may be stored without an ack.
      expect(events?.count).toBeGreaterThanOrEqual(pushes.ackedEvents);

      // Pull side: the sample behind the last score published before the kill was committed first.
      const lastMs = Math.round(
        beforeKill.get(`omen_series_last_sample_timestamp_seconds${SCRAPED}`)! * 1000,
      );
      const scraped = windows.find((w) => w.signal === 'error_ratio' && w.service === 'payments');
      const at = scraped?.timestampsMs.indexOf(lastMs) ?? -1;
      expect(at, `scraped sample at ${lastMs}`).toBeGreaterThanOrEqual(0);
      expect(scraped!.values[at]).toBe(beforeKill.get(`omen_signal_value${SCRAPED}`));
    } finally {
      await store.close();
    }
  });
});
