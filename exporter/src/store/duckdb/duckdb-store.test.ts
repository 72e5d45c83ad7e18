import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../store.js';
import { openDuckDbStore } from './duckdb-store.js';
import { openInstance } from './open-instance.js';
import { MINUTE, T0, options, sample, tempStorePath } from './test-support.js';

const run = promisify(execFile);
const FIXTURE = fileURLToPath(new URL('./fixtures/open-store.ts', import.meta.url));

/** Opens the store file from another node process; resolves to what that process saw. */
async function openFromChildProcess(
  path: string,
): Promise<{ opened: boolean; name?: string; message?: string }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', FIXTURE, path], { timeout: 30_000 });
  return JSON.parse(stdout.trim()) as { opened: boolean; name?: string; message?: string };
}

describe('openDuckDbStore', () => {
  let temp: ReturnType<typeof tempStorePath>;
  beforeEach(() => {
    temp = tempStorePath();
  });
  afterEach(() => temp.cleanup());

  it('creates the file and its directory, and keeps committed data across close and reopen', async () => {
    const store = await openDuckDbStore(options(temp.path));
    expect(existsSync(temp.path)).toBe(true);
    await store.writeSamples([sample('api', 0, 0.1), sample('api', 1, 0.2)]);
    await store.writeAnomalies([
      {
        signal: 'error_ratio',
        service: 'api',
        timestampMs: T0 + MINUTE,
        score: 0.999,
        severity: 'high',
        value: 0.2,
        expected: 0.1,
        lower: 0,
        upper: 0.15,
        model: 'm',
        kind: 'spike',
        explanation: 'why',
      },
    ]);
    await store.saveModelStates([
      { signal: 'error_ratio', service: 'api', model: 'm', state: { n: 2 }, updatedAtMs: T0 },
    ]);
    await store.close();

    const reopened = await openDuckDbStore(options(temp.path));
    expect(await reopened.readWindows([{ fromMs: T0, toMs: T0 + 10 * MINUTE }])).toEqual([
      { signal: 'error_ratio', service: 'api', timestampsMs: [T0, T0 + MINUTE], values: [0.1, 0.2] },
    ]);
    expect((await reopened.queryAnomalies({ limit: 5 })).items).toHaveLength(1);
    expect(await reopened.loadModelStates('m')).toMatchObject([{ state: { n: 2 } }]);
    // The series cache is rebuilt from the file: writing an existing series adds no new one.
    await reopened.writeSamples([sample('api', 2, 0.3)]);
    expect(await reopened.listSeries()).toMatchObject([{ service: 'api', samples: 3 }]);
    await reopened.close();
  });

  it('tells a second process that the file is in use, in one line', async () => {
    const store = await openDuckDbStore(options(temp.path));
    try {
      const child = await openFromChildProcess(temp.path);
      expect(child).toEqual({
        opened: false,
        name: 'StoreLockedError',
        message: new StoreLockedError(temp.path).message,
      });
      expect(child.message).not.toContain('\n');
    } finally {
      await store.close();
    }
    // Once closed, the lock is gone.
    expect(await openFromChildProcess(temp.path)).toEqual({ opened: true });
  });

  it('refuses a second open of the same file in this process until the first is closed', async () => {
    const store = await openDuckDbStore(options(temp.path));
    await expect(openDuckDbStore(options(temp.path))).rejects.toThrow('already open in this process');
    await store.close();
    const again = await openDuckDbStore(options(temp.path));
    await again.close();
  });

  it('reports other open failures with the path and the reason', async () => {
    await expect(openDuckDbStore({ ...options(':memory:'), memoryLimit: 'lots' })).rejects.toThrow(
      /^opening store :memory:: .+/,
    );
    // The file's parent is a regular file: the directory cannot be created.
    const blocker = join(temp.path, '..', '..', 'blocker');
    writeFileSync(blocker, '');
    const error = await openDuckDbStore(options(join(blocker, 'omen.duckdb'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^opening store .*blocker.*omen\.duckdb: /);
    expect((error as Error).cause).toBeDefined();
  });

  it('applies memory_limit and threads, and hands freed memory back', async () => {
    const opened = await openInstance({ path: ':memory:', memoryLimit: '300MB', threads: 3 });
    const connection = await opened.instance.connect();
    const [row] = (
      await connection.runAndReadAll(
        "SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('allocator_flush_threshold'), current_setting('allocator_background_threads')",
      )
    ).getRows();
    expect(row).toEqual([3n, '286.1 MiB', '7.6 MiB', true]);
    connection.closeSync();
    opened.instance.closeSync();
    opened.release();
  });
});

describe('closing the store', () => {
  it('finishes queued writes, is idempotent, and refuses work afterwards', async () => {
    const store = await openDuckDbStore(options(':memory:'));
    expect(store.isOpen()).toBe(true);
    const pending = store.writeSamples([sample('api', 0, 1)]);
    const closed = store.close();
    expect(store.isOpen()).toBe(false);
    await expect(pending).resolves.toBeUndefined();
    await closed;
    await store.close();
    expect(store.isOpen()).toBe(false);
    await expect(store.writeSamples([sample('api', 1, 1)])).rejects.toThrow('is closed');
    await expect(store.listSeries()).rejects.toThrow('is closed');
  });
});
