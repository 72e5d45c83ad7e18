/**
 * The store's size for `omen_store_size_bytes`: the file and its write-ahead log as the
 * filesystem sees them (what an operator's disk alert sees), or DuckDB's memory for `:memory:`.
 */
import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { toNumber } from './sql-values.js';

export async function storeFileBytes(path: string): Promise<number> {
  return (await fileBytes(path)) + (await fileBytes(`${path}.wal`));
}

export async function memoryStoreBytes(connection: DuckDBConnection): Promise<number> {
  const [[bytes = 0] = []] = (
    await connection.runAndReadAll('SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE FROM duckdb_memory()')
  ).getRows();
  return toNumber(bytes);
}

async function fileBytes(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    // No WAL between checkpoints is the normal case.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
