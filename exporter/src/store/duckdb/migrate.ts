/**
 * Versioned schema migrations: `migrations/NNNN_name.sql`, applied in version order, each
 * exactly once and in its own transaction, recorded in `schema_migrations`. The files are
 * read at run time from beside this module (the build copies them to `dist/`), so a
 * migration is plain SQL that can be reviewed and run by hand.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../../log/logger.js';
import { inTransaction, msToTimestamp, toNumber } from './sql-values.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql'));
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`migration file ${file} is not named NNNN_name.sql`);
    const sql = await readFile(new URL(file, dir), 'utf8');
    migrations.push({ version: Number(match[1]), name: match[2] as string, sql });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i += 1) {
    if (migrations[i]?.version === migrations[i - 1]?.version) {
      throw new Error(`two migrations share version ${migrations[i]?.version}`);
    }
  }
  return migrations;
}

/** Applies what is missing; returns the versions applied by this call. */
export async function migrate(
  connection: DuckDBConnection,
  options: { logger?: Logger; migrations?: Migration[]; nowMs?: number } = {},
): Promise<number[]> {
  const migrations = options.migrations ?? (await loadMigrations());
  await connection.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY,
       name VARCHAR NOT NULL,
       applied_at TIMESTAMP NOT NULL
     )`,
  );
  const rows = (await connection.runAndReadAll('SELECT version FROM schema_migrations')).getRows();
  const applied = new Set(rows.map((row) => toNumber(row[0] ?? null)));
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    // Running an older Omen on a newer file would silently misread it.
    throw new Error(
      `the store has schema migration ${Math.max(...unknown)}, which this Omen does not know: it was written by a newer version`,
    );
  }

  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    try {
      await inTransaction(connection, async () => {
        await connection.run(migration.sql);
        await connection.run(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, msToTimestamp(options.nowMs ?? Date.now())],
        );
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`applying store migration ${migration.version}_${migration.name}: ${reason}`, {
        cause,
      });
    }
    options.logger?.info({ version: migration.version, name: migration.name }, 'applied store migration');
    done.push(migration.version);
  }
  // Schema changes go into the main file at once, not only the write-ahead log: DuckDB
  // 1.5 crashes replaying an ALTER TABLE … ADD COLUMN from the log after a SIGKILL.
  if (done.length > 0) await connection.run('CHECKPOINT');
  return done;
}
