import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStore } from './duckdb-store.js';
import { loadMigrations, migrate } from './migrate.js';
import { options, sample, tempStorePath } from './test-support.js';

describe('store migrations', () => {
  let temp: ReturnType<typeof tempStorePath>;
  beforeEach(() => {
    temp = tempStorePath();
  });
  afterEach(() => temp.cleanup());

  it('finds the migration files beside the code, in version order', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(
      [...migrations.map((m) => m.version)].sort((a, b) => a - b),
    );
    expect(migrations[0]).toMatchObject({ version: 1, name: 'initial' });
  });

  it('applies each migration once, records it, and keeps data across reopening', async () => {
    const first = await openDuckDbStore(options(temp.path));
    await first.writeSamples([sample('api', 0, 0.5)]);
    await first.close();

    const second = await openDuckDbStore(options(temp.path));
    expect(await second.listSeries()).toMatchObject([{ signal: 'error_ratio', service: 'api', samples: 1 }]);
    await second.close();

    const instance = await DuckDBInstance.create(temp.path);
    const connection = await instance.connect();
    const rows = (
      await connection.runAndReadAll(
        'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
      )
    ).getRowObjectsJson();
    const known = await loadMigrations();
    expect(rows.map((r) => [Number(r.version), r.name])).toEqual(known.map((m) => [m.version, m.name]));
    expect(rows.every((r) => typeof r.applied_at === 'string')).toBe(true);
    // A further run has nothing to do.
    expect(await migrate(connection)).toEqual([]);
    connection.closeSync();
    instance.closeSync();
  });

  it('applies a failing migration not at all, and says which one failed', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x INTEGER); SELECT * FROM missing_table;' },
    ];
    await expect(migrate(connection, { migrations: broken })).rejects.toThrow(
      'applying store migration 2_broken',
    );
    const tables = (
      await connection.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY 1')
    ).getRows();
    expect(tables.flat()).toEqual(['a', 'schema_migrations']);
    const versions = (await connection.runAndReadAll('SELECT version FROM schema_migrations')).getRows();
    expect(versions.flat()).toEqual([1]);
    connection.closeSync();
    instance.closeSync();
  });

  it('refuses a store written by a newer Omen', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await migrate(connection, { migrations: [{ version: 1, name: 'a', sql: 'SELECT 1;' }] });
    await connection.run("INSERT INTO schema_migrations VALUES (99, 'future', TIMESTAMP '2030-01-01')");
    await expect(
      migrate(connection, { migrations: [{ version: 1, name: 'a', sql: 'SELECT 1;' }] }),
    ).rejects.toThrow(/migration 99.*newer version/);
    connection.closeSync();
    instance.closeSync();
  });
});
