/**
 * The real exporter (startExporter: store, scrape source, detector, pipeline, HTTP) with
 * 10 000 series, in a process of its own (exporter-process.ts): one cycle's CPU
 * (process.cpuUsage around it, DuckDB's threads included) and wall time, /metrics over
 * HTTP (time and size; target < 250 ms), the once-per-cycle render on its own, and the
 * exporter process's RSS (target < 1 GiB).
 * The store is first filled with some history per series, replayed into the detectors
 * before the measured cycles, so every series is scored warm, as in steady state. The scrape
 * target is a static exposition served from the bench's process.
 * Run: npm run bench (or npx tsx test/bench/pipeline.ts).
 */
import { execFile } from 'node:child_process';
import { createServer, get as httpGet } from 'node:http';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { join } from 'node:path';
import { mulberry32 } from '../../exporter/src/random/mulberry32.js';
import { renderScores } from '../../exporter/src/scores/snapshot.js';
import type { SeriesScore } from '../../exporter/src/scores/series-score.js';
import { openDuckDbStore } from '../../exporter/src/store/duckdb/duckdb-store.js';
import type { SeriesSample } from '../../exporter/src/sources/source.js';
import { startExporterProcess } from './exporter-process.js';
import { median, mib, report, serviceName, STORE_SETTINGS, tempDir } from './support.js';

const SERIES = 10_000;
// The scheduler's own ticks must stay out of the measured cycles and scrapes (a cycle blocks
// the event loop for seconds): an hour, with the fit budget scaled to what 10 minutes get.
const INTERVAL_MS = 3_600_000;
const FIT_BUDGET = 0.2 / 6;
/** The history's spacing: one forecast step (the default, 5m) per sample. */
const HISTORY_STEP_MS = 300_000;
// Enough for the detector to be past its warm-up; its first cycles replay this history
// (a replay budget per cycle spreads that over a few cycles, which run before the measured ones).
const HISTORY = 300;
const CYCLES = 3;
const SCRAPES = 20;
const random = mulberry32(42);
const execFileAsync = promisify(execFile);

async function fillHistory(path: string, nowMs: number): Promise<void> {
  const store = await openDuckDbStore({ path, ...STORE_SETTINGS });
  try {
    // 100 series per batch: the history is written fast, not the way a cycle writes.
    for (let from = 0; from < SERIES; from += 100) {
      const batch: SeriesSample[] = [];
      for (let i = from; i < from + 100; i += 1) {
        for (let k = HISTORY; k >= 1; k -= 1) {
          batch.push({
            signal: 'queue_depth',
            service: serviceName(i),
            timestampMs: nowMs - k * HISTORY_STEP_MS,
            value: 50 + 5 * random(),
          });
        }
      }
      await store.writeSamples(batch);
    }
  } finally {
    await store.close();
  }
}

/** A scrape target with one gauge per service. */
async function startTarget(): Promise<{ url: string; close: () => void }> {
  const lines = ['# TYPE queue_depth gauge'];
  for (let i = 0; i < SERIES; i += 1)
    lines.push(`queue_depth{service="${serviceName(i)}"} ${(50 + 5 * random()).toFixed(3)}`);
  const body = `${lines.join('\n')}\n`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/metrics`, close: () => server.close() };
}

type Encoding = 'gzip' | 'identity';

/** The body, read in this process (for counting lines, not for timing). */
function fetchBody(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'accept-encoding': 'identity' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

/**
 * One scrape as Prometheus makes it: from another process (curl), timed to the last byte,
 * not decoded. A client in this process would also time its own garbage collection of tens
 * of MiB of body.
 */
async function timedGet(url: string, encoding: Encoding): Promise<{ ms: number; bytes: number }> {
  const format = '%{time_total} %{size_download}';
  const { stdout } = await execFileAsync('curl', [
    '-sS',
    '-o',
    '/dev/null',
    '-H',
    `Accept-Encoding: ${encoding}`,
    '-w',
    format,
    url,
  ]);
  const [seconds, bytes] = stdout.trim().split(' ').map(Number);
  return { ms: (seconds as number) * 1000, bytes: bytes as number };
}

/** Counts only what is asked, not the tens of MiB of text; and DuckDB's own memory count. */
async function scrapeCounts(url: string): Promise<{ warm: number; forecast: number; duckdbBytes: number }> {
  const text = (await fetchBody(url)).toString('utf8');
  return {
    duckdbBytes: Number(/^omen_store_memory_bytes (\S+)$/m.exec(text)?.[1] ?? NaN),
    warm: (text.match(/^omen_series_warming\{.*\} 0$/gm) ?? []).length,
    forecast: (text.match(/^omen_forecast\{.*horizon="15m",bound="point"\} /gm) ?? []).length,
  };
}

async function waitForFirstCycle(url: string): Promise<void> {
  for (;;) {
    // A cycle blocks the event loop for seconds: the server may close the idle keep-alive
    // socket just as fetch reuses it (ECONNRESET). That says nothing about Omen; ask again.
    const text = await fetch(`${url}/metrics`).then(
      (response) => response.text(),
      () => '',
    );
    if (/^omen_series_tracked [1-9]/m.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function syntheticScores(): SeriesScore[] {
  return Array.from({ length: SERIES }, (_, i) => {
    const value = 50 + 5 * random();
    return {
      signal: 'queue_depth',
      service: serviceName(i),
      value,
      threshold: 80,
      lastSampleMs: Date.now(),
      stale: false,
      warming: false,
      anomaly: {
        score: random(),
        active: false,
        severity: 0,
        expected: { point: 52, lower_80: 47, upper_80: 57, lower_95: 44, upper_95: 60 },
      },
    };
  });
}

const temp = tempDir('omen-bench-pipeline-');
const target = await startTarget();
try {
  const storePath = join(temp.dir, 'omen.duckdb');
  const started = performance.now();
  // Here, not in the exporter's process: its garbage stays out of the exporter's RSS.
  await fillHistory(storePath, Date.now());
  console.log(
    `pipeline: ${SERIES} series, ${HISTORY} points of history each (filled in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const config = [
    'server: { host: 127.0.0.1, port: 0 }',
    `store: { path: ${storePath}, memoryLimit: ${STORE_SETTINGS.memoryLimit}, threads: ${STORE_SETTINGS.threads} }`,
    `pipeline: { interval: ${INTERVAL_MS / 60_000}m, staleAfter: 1h }`,
    // The default step and horizons (a series' forecast memory grows with them), and one
    // step per sample: every measured cycle closes a step of every series (the worst case; at
    // a 15 s interval a twentieth of them close per cycle).
    `forecast: { minSteps: 40, fitBudget: ${FIT_BUDGET} }`,
    'sources:',
    `  - { name: target, type: scrape, url: "${target.url}", timeout: 30s, rateWindow: 2h }`,
    'signals:',
    '  - { name: queue_depth, type: gauge, selector: queue_depth, season: none, threshold: 80 }',
  ].join('\n');
  const exporter = await startExporterProcess(config);
  try {
    await waitForFirstCycle(exporter.url); // start()'s own first cycle: caches and JIT warm
    const replayStarted = performance.now();
    let replayCycles = 0;
    for (;;) {
      const { warm, forecast } = await scrapeCounts(`${exporter.url}/metrics`);
      if (warm >= SERIES && forecast >= SERIES) break;
      await exporter.cycle();
      replayCycles += 1;
    }
    console.log(
      `replay of the stored history and the first forecast fits: ${replayCycles + 1} cycles, ${((performance.now() - replayStarted) / 1000).toFixed(1)} s until every series was warm and forecast`,
    );
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let c = 0; c < CYCLES; c += 1) {
      const { wallMs, cpuMs } = await exporter.cycle();
      walls.push(wallMs);
      cpus.push(cpuMs);
    }
    const { warm, forecast, duckdbBytes } = await scrapeCounts(`${exporter.url}/metrics`);
    // The gzip of the last cycle's text is made in the thread pool just after the cycle.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const scrapes = {
      gzip: [] as Array<{ ms: number; bytes: number }>,
      identity: [] as Array<{ ms: number; bytes: number }>,
    };
    for (let s = 0; s < SCRAPES; s += 1)
      for (const encoding of ['gzip', 'identity'] as const) {
        const { ms, bytes } = await timedGet(`${exporter.url}/metrics`, encoding);
        scrapes[encoding].push({ ms, bytes });
      }
    // After its cycles and the scrapes; the timing renders below run in this process.
    const memory = await exporter.memory();
    const renders: number[] = [];
    const scores = syntheticScores();
    for (let r = 0; r < 5; r += 1) {
      const at = performance.now();
      await renderScores(scores);
      renders.push(performance.now() - at);
    }
    console.log(
      `cycle (collect → commit → read windows → score → forecast + breach → record → render), median of ${CYCLES}, ${warm} of ${SERIES} series warm, ${forecast} forecast`,
    );
    report('cycle CPU (user + system)', `${median(cpus).toFixed(0)} ms`);
    report('cycle wall time', `${median(walls).toFixed(0)} ms`);
    report('cycle CPU / interval at 15s', `${((100 * median(cpus)) / 15_000).toFixed(1)}% of one core`);
    for (const encoding of ['gzip', 'identity'] as const) {
      const runs = scrapes[encoding];
      const bytes = runs[runs.length - 1]!.bytes;
      console.log(
        `/metrics over HTTP, Accept-Encoding: ${encoding}${encoding === 'gzip' ? ' (what Prometheus sends)' : ''}, median of ${SCRAPES}`,
      );
      report('/metrics time', `${median(runs.map((r) => r.ms)).toFixed(1)} ms`, '< 250 ms');
      report('/metrics size on the wire', `${mib(bytes)} (${bytes} bytes)`);
    }
    report('render once per cycle (renderScores)', `${median(renders).toFixed(0)} ms`);
    console.log('memory of the exporter process');
    report('RSS now', mib(memory.rss), '< 1 GiB');
    report('RSS peak (maxRSS)', mib(memory.peakRss), '< 1 GiB');
    report('JS heap used', mib(memory.heapUsed));
    report('JS heap committed (used + not yet collected)', mib(memory.heapTotal));
    report('typed arrays and buffers (off the JS heap)', mib(memory.arrayBuffers));
    report('native rest (DuckDB, code, stacks)', mib(memory.rss - memory.heapTotal - memory.external));
    // What DuckDB counts is mostly the store's blocks it has read and keeps cached: here, the
    // replayed history; in a long-running exporter, up to store.memoryLimit.
    report('  of which DuckDB by its own count', mib(duckdbBytes));
  } finally {
    await exporter.stop();
  }
} finally {
  target.close();
  temp.cleanup();
}
