/**
 * Shared by the benches: temp stores, the raw DuckDB Appender baseline, timing and the
 * printed figures. Benches print; they never assert (timing goals live here, not in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  TIMESTAMP,
  timestampValue,
  type DuckDBAppender,
  type DuckDBTimestampValue,
} from '@duckdb/node-api';

export const T0 = Date.UTC(2026, 0, 1);

/** DuckDB settings of the default config, so figures match what `omen serve` gets. */
export const STORE_SETTINGS = { memoryLimit: '512MB', threads: 2 } as const;

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const serviceName = (i: number) => `svc-${String(i).padStart(5, '0')}`;

/**
 * How the raw baseline feeds the Appender: `rows` (appendInteger … endRow per row) is the
 * Appender the targets are measured against; `chunks` (one data chunk of column vectors
 * per 2048 rows, as the store writes) is the cheapest write there is, what a path would
 * cost if everything before its write were free.
 */
export type AppenderFeed = 'rows' | 'chunks';

/**
 * The ceiling an ingest path is compared with: the same number of rows, in the same batch
 * sizes, appended through DuckDB's Appender into a table shaped like `samples`, in a
 * fresh file with the store's settings, one Appender (so one commit) per batch.
 */
export async function rawAppenderRate(
  path: string,
  batches: number,
  batchSize: number,
  feed: AppenderFeed = 'rows',
): Promise<Rate> {
  const instance = await DuckDBInstance.create(path, {
    memory_limit: STORE_SETTINGS.memoryLimit,
    threads: String(STORE_SETTINGS.threads),
  });
  const connection = await instance.connect();
  try {
    await connection.run(
      'CREATE TABLE samples (series_id INTEGER NOT NULL, ts TIMESTAMP NOT NULL, value DOUBLE NOT NULL)',
    );
    const append = feed === 'rows' ? appendRows : appendChunks;
    const clock = startClock();
    for (let b = 0; b < batches; b += 1) {
      const appender = await connection.createAppender('samples');
      append(appender, batchSize, timestampValue(BigInt(T0 + b * 15_000) * 1000n));
      appender.closeSync();
    }
    return clock.rate(batches * batchSize);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function appendRows(appender: DuckDBAppender, rows: number, ts: DuckDBTimestampValue): void {
  for (let i = 0; i < rows; i += 1) {
    appender.appendInteger(i);
    appender.appendTimestamp(ts);
    appender.appendDouble(i * 0.5);
    appender.endRow();
  }
}

const CHUNK_ROWS = 2048;
const chunk = DuckDBDataChunk.create([INTEGER, TIMESTAMP, DOUBLE]);

function appendChunks(appender: DuckDBAppender, rows: number, ts: DuckDBTimestampValue): void {
  for (let from = 0; from < rows; from += CHUNK_ROWS) {
    const size = Math.min(CHUNK_ROWS, rows - from);
    const ids = new Array<number>(size);
    const times = new Array<DuckDBTimestampValue>(size).fill(ts);
    const values = new Array<number>(size);
    for (let i = 0; i < size; i += 1) {
      ids[i] = from + i;
      values[i] = (from + i) * 0.5;
    }
    chunk.rowCount = size;
    chunk.setColumns([ids, times, values]);
    appender.appendDataChunk(chunk);
  }
}

/**
 * Samples per second of wall time, and per second of this process's CPU time (every
 * thread: DuckDB's too). On a shared machine the CPU figure is the steadier one: a busy
 * neighbour stretches wall time, not the work done.
 */
export interface Rate {
  wall: number;
  cpu: number;
}

export function startClock(): { rate: (samples: number) => Rate } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return {
    rate: (samples) => {
      const used = process.cpuUsage(cpu);
      return { wall: samples / seconds(wall), cpu: samples / ((used.user + used.system) / 1e6) };
    },
  };
}

function seconds(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  return `${(perSecond / 1e3).toFixed(0)} k/s`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** One figure per line: name, value, and the target when there is one. */
export function report(name: string, value: string, target?: string): void {
  console.log(`  ${name.padEnd(34)} ${value.padEnd(22)}${target ? ` (target ${target})` : ''}`);
}
