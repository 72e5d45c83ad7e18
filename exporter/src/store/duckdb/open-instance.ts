/**
 * Opens the DuckDB database behind a store: creates the file's directory, applies the
 * memory and thread limits, and turns "another process holds the file" into the one-line
 * StoreLockedError instead of DuckDB's IO error.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreLockedError, type StoreOptions } from '../store.js';

export const IN_MEMORY = ':memory:';

/**
 * DuckDB's file lock is per process, so a second instance on the same file in this
 * process would open without complaint and the two would overwrite each other's writes.
 */
const openInThisProcess = new Set<string>();

/**
 * DuckDB's allocator (jemalloc on Linux) keeps what a task freed for reuse, and hands it
 * back to the system only after a task whose peak passed 128 MiB or a bulk free of 512 MiB
 * (its defaults). A cycle's reads and writes stay far below either, so what they once used
 * stayed resident beside 10 000 series' models; at 8 MiB it is handed back after each task.
 * Its background thread also returns pages freed between tasks as they age, rather than
 * when the next task happens to allocate: at 10 000 series DuckDB's share of the RSS beyond
 * its own count (duckdb_memory()) went from ~80–95 MiB to ~55–65 (test/bench/pipeline.ts).
 */
const ALLOCATOR_FLUSH = {
  allocator_flush_threshold: '8MB',
  allocator_bulk_deallocation_flush_threshold: '8MB',
  allocator_background_threads: 'true',
};

export interface OpenedInstance {
  instance: DuckDBInstance;
  /** Lets the file be opened again in this process; call after closing the instance. */
  release(): void;
}

export async function openInstance(options: StoreOptions): Promise<OpenedInstance> {
  const inMemory = options.path === IN_MEMORY;
  const key = inMemory ? null : resolve(options.path);
  if (key !== null && openInThisProcess.has(key)) {
    throw new Error(`store ${options.path} is already open in this process`);
  }
  try {
    if (key !== null) await mkdir(dirname(key), { recursive: true });
    const instance = await DuckDBInstance.create(options.path, {
      memory_limit: options.memoryLimit,
      threads: String(options.threads),
      ...ALLOCATOR_FLUSH,
    });
    if (key !== null) openInThisProcess.add(key);
    const release = () => {
      if (key !== null) openInThisProcess.delete(key);
    };
    return { instance, release };
  } catch (cause) {
    if (isLockError(cause)) throw new StoreLockedError(options.path, cause);
    throw openError(options.path, cause);
  }
}

/** main.ts prints only the message, so the reason travels in it as well as in `cause`. */
export function openError(path: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(`opening store ${path}: ${reason}`, { cause });
}

export function isLockError(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Could not set lock on file');
}
