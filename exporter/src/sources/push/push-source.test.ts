import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load.js';
import { createLogger } from '../../log/logger.js';
import { openMemoryStore } from '../../store/duckdb/test-support.js';
import type { Store } from '../../store/store.js';
import { createSources } from '../registry.js';
import { PushSource } from './push-source.js';

const config = parseConfig(
  [
    'sources:',
    '  - { name: app, type: push, signal: pushed_error_rate, window: 1m, forgetAfter: 10m }',
    'signals:',
    '  - { name: queue_depth, type: gauge, selector: queue_depth, sources: [app] }',
  ].join('\n'),
  'test.yaml',
);
const T0 = Date.UTC(2026, 2, 1, 12);
const SECOND = 1000;
const abort = new AbortController().signal;

let store: Store;
let source: PushSource;
beforeEach(async () => {
  store = await openMemoryStore();
  const [created] = createSources(
    config.sources,
    config.signals,
    createLogger({ level: 'error', format: 'json' }),
    store,
  );
  source = created as PushSource;
});
afterEach(() => store.close());

const events = (service: string, ...secondsAfterT0: number[]) =>
  secondsAfterT0.map((s) => ({
    service,
    type: 'TimeoutError',
    severity: 'error' as const,
    timestamp: (T0 + s * SECOND) / 1000,
  }));

describe('push source', () => {
  it('is listed in the source registry', () => {
    expect(source).toBeInstanceOf(PushSource);
    expect(source.kind).toBe('push');
  });

  it('turns error events into a per-service rate over the window, falling back to 0', async () => {
    await source.ingest(
      { samples: [], events: [...events('payments', 10, 20, 30), ...events('catalog', 50)] },
      T0 + 60 * SECOND,
    );

    const first = await source.collect({ nowMs: T0 + 60 * SECOND, abort });
    expect(first.samples).toEqual([
      { signal: 'pushed_error_rate', service: 'catalog', timestampMs: T0 + 60 * SECOND, value: 1 / 60 },
      { signal: 'pushed_error_rate', service: 'payments', timestampMs: T0 + 60 * SECOND, value: 3 / 60 },
    ]);
    // 25 s later, payments' first two events have left the window.
    const later = await source.collect({ nowMs: T0 + 85 * SECOND, abort });
    expect(later.samples.map((s) => [s.service, s.value])).toEqual([
      ['catalog', 1 / 60],
      ['payments', 1 / 60],
    ]);
    // After the window, both services are still listed, at 0, until forgetAfter (10m).
    const quiet = await source.collect({ nowMs: T0 + 5 * 60 * SECOND, abort });
    expect(quiet.samples.map((s) => [s.service, s.value])).toEqual([
      ['catalog', 0],
      ['payments', 0],
    ]);
    const forgotten = await source.collect({ nowMs: T0 + 11 * 60 * SECOND, abort });
    expect(forgotten.samples).toEqual([]);
  });

  it('hands over each series’ newest committed sample once, as `committed`, never as samples to write', async () => {
    const nowMs = T0 + 60 * SECOND;
    await source.ingest(
      {
        samples: [
          { signal: 'queue_depth', service: 'api', value: 5, timestamp: (nowMs - 20 * SECOND) / 1000 },
          { signal: 'queue_depth', service: 'api', value: 8, timestamp: (nowMs - 10 * SECOND) / 1000 },
          { signal: 'queue_depth', service: 'worker', value: 2 },
        ],
        events: [],
      },
      nowMs,
    );
    const collected = await source.collect({ nowMs, abort });
    expect(collected.samples).toEqual([]);
    expect(collected.committed).toEqual([
      { signal: 'queue_depth', service: 'api', timestampMs: nowMs - 10 * SECOND, value: 8 },
      { signal: 'queue_depth', service: 'worker', timestampMs: nowMs, value: 2 },
    ]);
    expect((await source.collect({ nowMs, abort })).committed).toEqual([]);
  });

  it('takes samples only for signals that list it in their sources', async () => {
    const open = parseConfig(
      [
        'sources: [{ name: app, type: push, signal: pushed_error_rate }]',
        'signals: [{ name: queue_depth, type: gauge, selector: queue_depth }]',
      ].join('\n'),
      'test.yaml',
    );
    const logger = createLogger({ level: 'error', format: 'json' });
    const [unlisted] = createSources(open.sources, open.signals, logger, store) as PushSource[];
    await expect(
      unlisted!.ingest({ samples: [{ signal: 'queue_depth', service: 'api', value: 1 }], events: [] }, T0),
    ).rejects.toThrow('(those that do: none)');
  });

  it('commits nothing of a batch it refuses', async () => {
    const nowMs = T0 + 60 * SECOND;
    await expect(
      source.ingest(
        {
          samples: [{ signal: 'nope', service: 'api', value: 1 }],
          events: events('payments', 50),
        },
        nowMs,
      ),
    ).rejects.toMatchObject({ name: 'IngestRejected', field: 'samples[0].signal' });
    expect((await source.collect({ nowMs, abort })).samples).toEqual([]);
  });
});
