/** Shared by this folder's tests: real DuckDB stores in memory or in a fresh temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeriesSample } from '../../sources/source.js';
import type { Store, StoreOptions } from '../store.js';
import { openDuckDbStore } from './duckdb-store.js';

export const T0 = Date.UTC(2026, 0, 1);
export const MINUTE = 60_000;

export function options(path: string): StoreOptions {
  return { path, memoryLimit: '256MB', threads: 1 };
}

export function openMemoryStore(): Promise<Store> {
  return openDuckDbStore(options(':memory:'));
}

/** A temp directory removed by `cleanup`; the store file lives in a subfolder to prove it is created. */
export function tempStorePath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'omen-store-'));
  return {
    path: join(dir, 'nested', 'omen.duckdb'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function sample(service: string, minute: number, value: number, signal = 'error_ratio'): SeriesSample {
  return { signal, service, timestampMs: T0 + minute * MINUTE, value };
}
