import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../log/logger.js';
import { openDuckDbStore } from './duckdb-store.js';
import { MINUTE, T0, options, sample, tempStorePath } from './test-support.js';

const run = promisify(execFile);
const DIE = fileURLToPath(new URL('./fixtures/write-and-die.ts', import.meta.url));

/** Just enough of a logger to see the warnings the store gives. */
function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = { info: () => undefined, warn: (_: unknown, msg: string) => warnings.push(msg) };
  return { logger: logger as unknown as Logger, warnings };
}

describe('series bookkeeping (listSeries)', () => {
  it('opens a new file without the unclean-close warning', async () => {
    const temp = tempStorePath();
    try {
      const { logger, warnings } = recordingLogger();
      const store = await openDuckDbStore(options(temp.path), { logger });
      await store.close();
      expect(warnings).toEqual([]);
    } finally {
      temp.cleanup();
    }
  });

  it('is exact after a clean close and reopen, with no recount', async () => {
    const temp = tempStorePath();
    try {
      const store = await openDuckDbStore(options(temp.path));
      await store.writeSamples([sample('api', 3, 1), sample('api', 1, 2)]);
      await store.writeSamples([sample('api', 7, 3), sample('web', 2, 4)]);
      const before = await store.listSeries();
      await store.close();
      const { logger, warnings } = recordingLogger();
      const reopened = await openDuckDbStore(options(temp.path), { logger });
      try {
        expect(await reopened.listSeries()).toEqual(before);
        expect(before[0]).toEqual({
          signal: 'error_ratio',
          service: 'api',
          firstSampleMs: T0 + MINUTE,
          lastSampleMs: T0 + 7 * MINUTE,
          samples: 3,
        });
        expect(warnings).toEqual([]);
      } finally {
        await reopened.close();
      }
    } finally {
      temp.cleanup();
    }
  });

  it('is recounted from the samples after a process died without closing the store', async () => {
    const temp = tempStorePath();
    try {
      await run(process.execPath, ['--import', 'tsx', DIE, temp.path], { timeout: 30_000 });
      const { logger, warnings } = recordingLogger();
      const store = await openDuckDbStore(options(temp.path), { logger });
      try {
        expect(warnings).toEqual([expect.stringContaining('not closed cleanly')]);
        expect(await store.listSeries()).toEqual([
          {
            signal: 'error_ratio',
            service: 'api',
            firstSampleMs: T0,
            lastSampleMs: T0 + 2 * MINUTE,
            samples: 3,
          },
          {
            signal: 'error_ratio',
            service: 'web',
            firstSampleMs: T0 + 5 * MINUTE,
            lastSampleMs: T0 + 5 * MINUTE,
            samples: 1,
          },
        ]);
      } finally {
        await store.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});
