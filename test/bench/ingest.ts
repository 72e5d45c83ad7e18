/**
 * Ingest throughput of the two write paths, each beside the raw DuckDB Appender measured
 * in the same run (issue 3's target: at least 50% of the Appender's rate).
 *  - push: the request body's bytes → JSON.parse → the API contract's validation
 *    (parseBodyOrThrow(ingestRequest)) → PushSource.ingest → committed in DuckDB; no HTTP.
 *  - scrape: exposition text → the scrape source's reader (parse, signals per service) →
 *    store.writeSamples, as a cycle writes them; no HTTP.
 * Run: npm run bench (or npx tsx test/bench/ingest.ts [push|scrape] for one path only).
 */
import { join } from 'node:path';
import { ingestRequest } from '../../exporter/src/api/contract.js';
import { parseBodyOrThrow } from '../../exporter/src/api/validate.js';
import { parseConfig } from '../../exporter/src/config/load.js';
import { createLogger } from '../../exporter/src/log/logger.js';
import { PushSource } from '../../exporter/src/sources/push/push-source.js';
import { parseExposition } from '../../exporter/src/sources/scrape/exposition-parser.js';
import { createExpositionReader } from '../../exporter/src/sources/scrape/scrape-source.js';
import { openDuckDbStore } from '../../exporter/src/store/duckdb/duckdb-store.js';
import {
  rate,
  rawAppenderRate,
  report,
  startClock,
  type Rate,
  serviceName,
  STORE_SETTINGS,
  T0,
  tempDir,
} from './support.js';

const SERIES = 10_000;
const PUSH_BATCH = 5_000;
const PUSH_BATCHES = 100;
const SCRAPES = 50;
const ROUNDS = 3;

const logger = createLogger({ level: 'error', format: 'json' });
const config = parseConfig(
  [
    'sources:',
    '  - { name: app, type: push, signal: pushed_error_rate, maxBodyBytes: 67108864 }',
    '  - { name: target, type: scrape, url: "http://127.0.0.1:1/metrics" }',
    'signals:',
    '  - { name: queue_depth, type: gauge, selector: queue_depth, sources: [app, target], season: none }',
  ].join('\n'),
  'bench.yaml',
);

/** Request bodies as the wire carries them: one sample per series, one timestamp per batch. */
function pushBodies(): Buffer[] {
  return Array.from({ length: PUSH_BATCHES }, (_, b) => {
    const from = (b * PUSH_BATCH) % SERIES;
    const samples = Array.from({ length: PUSH_BATCH }, (_, i) => ({
      signal: 'queue_depth',
      service: serviceName(from + i),
      value: (b * 31 + i) % 97,
      timestamp: (T0 + b * 1000) / 1000,
    }));
    return Buffer.from(JSON.stringify({ samples }));
  });
}

/** A target's /metrics with one gauge line per service (plus HELP/TYPE), new values each scrape. */
function expositions(): string[] {
  return Array.from({ length: SCRAPES }, (_, s) => {
    const lines = ['# HELP queue_depth Jobs waiting.', '# TYPE queue_depth gauge'];
    for (let i = 0; i < SERIES; i += 1)
      lines.push(`queue_depth{service="${serviceName(i)}",instance="a:9100"} ${(s * 7 + i) % 89}`);
    return `${lines.join('\n')}\n`;
  });
}

/** Where a path's time went: milliseconds per named stage, summed over its batches. */
type Stages = Record<string, number>;
const stageTimes: Record<string, Stages[]> = { push: [], scrape: [] };

function timed<T>(stages: Stages, name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  stages[name] = (stages[name] ?? 0) + performance.now() - started;
  return result;
}

async function timedAsync<T>(stages: Stages, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  stages[name] = (stages[name] ?? 0) + performance.now() - started;
  return result;
}

async function pushPath(path: string): Promise<Rate> {
  const store = await openDuckDbStore({ path, ...STORE_SETTINGS });
  const source = config.sources[0]!;
  if (source.type !== 'push') throw new Error('bench config: first source must be push');
  const push = new PushSource(source, config.signals, { logger, store, maxAgeMs: Infinity });
  const bodies = pushBodies();
  const stages: Stages = {};
  try {
    const clock = startClock();
    for (const [b, body] of bodies.entries()) {
      const json: unknown = timed(stages, 'JSON.parse', () => JSON.parse(body.toString('utf8')));
      const batch = timed(stages, 'contract validation', () => parseBodyOrThrow(ingestRequest, json));
      await timedAsync(stages, 'ingest + commit', () => push.ingest(batch, T0 + b * 1000));
    }
    const rate = clock.rate(PUSH_BATCHES * PUSH_BATCH);
    stageTimes.push!.push(stages);
    return rate;
  } finally {
    await store.close();
  }
}

async function scrapePath(path: string): Promise<Rate> {
  const store = await openDuckDbStore({ path, ...STORE_SETTINGS });
  const read = createExpositionReader({ name: 'target', rateWindow: '1m' }, config.signals, { logger });
  const texts = expositions();
  const stages: Stages = {};
  let written = 0;
  try {
    const clock = startClock();
    for (const [s, body] of texts.entries()) {
      // The reader parses and evaluates in one call; the parser alone is timed on a copy
      // of the work below, outside the path's rate.
      const { samples } = timed(stages, 'parse + signals', () =>
        read({ body, contentType: 'text/plain; version=0.0.4', format: 'text' }, T0 + s * 15_000),
      );
      await timedAsync(stages, 'writeSamples + commit', () => store.writeSamples(samples));
      written += samples.length;
    }
    const rate = clock.rate(written);
    for (const body of texts) timed(stages, 'parser alone (timed apart)', () => parseExposition(body));
    if (written !== SCRAPES * SERIES)
      throw new Error(`scrape path wrote ${written} samples, expected ${SCRAPES * SERIES}`);
    stageTimes.scrape!.push(stages);
    return rate;
  } finally {
    await store.close();
  }
}

/**
 * The machine is shared, so each rate is the best of ROUNDS, raw and path interleaved on
 * fresh files: a busy neighbour slows both sides of a round, never only one. The ratio is
 * given by wall time (the target's measure) and by CPU time (steadier under load).
 *
 * Also printed: the path's ceiling, the ratio it would reach if it did nothing but the
 * stages no design can skip (reading its input format: `parsing`) and the cheapest write
 * DuckDB offers (the Appender fed data chunks). It tells how far a target is reachable.
 */
async function compare(
  name: string,
  batches: number,
  batchSize: number,
  path: (path: string) => Promise<Rate>,
  parsing: readonly string[],
): Promise<void> {
  const rates = { raw: [] as Rate[], chunks: [] as Rate[], path: [] as Rate[] };
  const file = (side: string, round: number) => join(temp.dir, `${side}-${name}-${round}.duckdb`);
  for (let round = 0; round < ROUNDS; round += 1) {
    rates.raw.push(await rawAppenderRate(file('raw', round), batches, batchSize, 'rows'));
    rates.chunks.push(await rawAppenderRate(file('chunks', round), batches, batchSize, 'chunks'));
    rates.path.push(await path(file('path', round)));
  }
  const best = (side: Rate[], clock: keyof Rate) => Math.max(...side.map((r) => r[clock]));
  const wall = {
    raw: best(rates.raw, 'wall'),
    chunks: best(rates.chunks, 'wall'),
    path: best(rates.path, 'wall'),
  };
  const cpu = { raw: best(rates.raw, 'cpu'), path: best(rates.path, 'cpu') };
  const bestRound = rates.path.findIndex((r) => r.wall === wall.path);
  const samples = batches * batchSize;
  report(`raw Appender (best of ${ROUNDS})`, rate(wall.raw));
  report(`${name} path (best of ${ROUNDS})`, rate(wall.path));
  report(`${name} / raw Appender`, `${((100 * wall.path) / wall.raw).toFixed(0)}%`, '≥ 50%');
  const perRound = rates.path.map((r, i) => `${((100 * r.wall) / rates.raw[i]!.wall).toFixed(0)}%`);
  report('  ratio in each round', perRound.join(' '));
  report(`  by CPU time (best of ${ROUNDS})`, `${((100 * cpu.path) / cpu.raw).toFixed(0)}%`);
  report('raw Appender, per sample', `${(1e6 / wall.raw).toFixed(2)} µs`);
  report('  fed data chunks instead', `${(1e6 / wall.chunks).toFixed(2)} µs`);
  report(`${name} path, per sample`, `${(1e6 / wall.path).toFixed(2)} µs, of which:`);
  const stages = stageTimes[name]![bestRound]!;
  for (const [stage, ms] of Object.entries(stages))
    report(`  ${stage}`, `${perSample(ms, samples).toFixed(2)} µs per sample`);
  const floor = parsing.reduce(
    (sum, stage) => sum + perSample(stages[stage] ?? NaN, samples),
    1e6 / wall.chunks,
  );
  report(
    `ceiling: ${[...parsing, 'chunk Appender'].join(' + ')}`,
    `${floor.toFixed(2)} µs → ${((100 * 1e6) / wall.raw / floor).toFixed(0)}% of raw`,
  );
}

/** Microseconds per sample of a stage's summed milliseconds. */
const perSample = (ms: number, samples: number) => (1000 * ms) / samples;

const only = process.argv[2];
if (only !== undefined && only !== 'push' && only !== 'scrape') {
  console.error(`usage: tsx test/bench/ingest.ts [push|scrape] (got ${only})`);
  process.exit(2);
}
const temp = tempDir('omen-bench-ingest-');
try {
  console.log(
    `ingest: ${SERIES} series, DuckDB ${STORE_SETTINGS.memoryLimit} / ${STORE_SETTINGS.threads} threads, temp files`,
  );
  if (only !== 'scrape') {
    console.log(
      `push path: ${PUSH_BATCHES} bodies × ${PUSH_BATCH} samples (JSON → contract → PushSource.ingest → commit)`,
    );
    await compare('push', PUSH_BATCHES, PUSH_BATCH, pushPath, ['JSON.parse', 'contract validation']);
  }
  if (only !== 'push') {
    console.log(
      `scrape path: ${SCRAPES} expositions × ${SERIES} lines (parse → signals → writeSamples → commit)`,
    );
    await compare('scrape', SCRAPES, SERIES, scrapePath, ['parser alone (timed apart)']);
  }
} finally {
  temp.cleanup();
}
