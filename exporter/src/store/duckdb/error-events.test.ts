import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorEvent, Store } from '../store.js';
import { openDuckDbStore } from './duckdb-store.js';
import { MINUTE, openMemoryStore, options, T0, tempStorePath } from './test-support.js';

const event = (service: string, minute: number, type = 'TimeoutError'): ErrorEvent => ({
  service,
  type,
  severity: 'error',
  timestampMs: T0 + minute * MINUTE,
});

describe('error events', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('counts each service’s events in (from, to], listing services active since activeSince with 0', async () => {
    await store.writeErrorEvents([
      event('payments', 1),
      event('payments', 9.5),
      event('payments', 10),
      event('catalog', 2),
      event('checkout', 10.5), // after `to`: neither counted nor active
    ]);
    const counts = await store.countErrorEvents({
      activeSinceMs: T0,
      fromMs: T0 + 9 * MINUTE,
      toMs: T0 + 10 * MINUTE,
    });
    expect(counts).toEqual([
      { service: 'catalog', count: 0 },
      { service: 'payments', count: 2 },
    ]);
  });

  it('counts one service’s events in (from, to] per error type or severity', async () => {
    await store.writeErrorEvents([
      event('payments', 1, 'TimeoutError'),
      event('payments', 2, 'TimeoutError'),
      event('payments', 3, 'DbError'),
      event('payments', 0, 'DbError'), // at `from`: outside
      event('catalog', 2, 'TimeoutError'),
    ]);
    const range = { service: 'payments', fromMs: T0, toMs: T0 + 3 * MINUTE };
    expect(await store.countErrorEventsBy({ ...range, field: 'type' })).toEqual([
      { value: 'DbError', count: 1 },
      { value: 'TimeoutError', count: 2 },
    ]);
    expect(await store.countErrorEventsBy({ ...range, field: 'severity' })).toEqual([
      { value: 'error', count: 3 },
    ]);
  });

  it('forgets services with no event since activeSince', async () => {
    await store.writeErrorEvents([event('catalog', 1), event('payments', 5)]);
    const counts = await store.countErrorEvents({
      activeSinceMs: T0 + 3 * MINUTE,
      fromMs: T0 + 9 * MINUTE,
      toMs: T0 + 10 * MINUTE,
    });
    expect(counts).toEqual([{ service: 'payments', count: 0 }]);
  });

  it('rejects a batch with an invalid timestamp as a whole, as the caller’s error', async () => {
    await expect(
      store.writeErrorEvents([event('payments', 1), { ...event('payments', 2), timestampMs: NaN }]),
    ).rejects.toBeInstanceOf(RangeError);
    const counts = await store.countErrorEvents({ activeSinceMs: T0, fromMs: T0, toMs: T0 + 5 * MINUTE });
    expect(counts).toEqual([]);
  });

  it('keeps committed events across a reopen of the file', async () => {
    const temp = tempStorePath();
    try {
      const first = await openDuckDbStore(options(temp.path));
      await first.writeErrorEvents([event('payments', 1), event('payments', 2)]);
      await first.close();
      const second = await openDuckDbStore(options(temp.path));
      const counts = await second.countErrorEvents({
        activeSinceMs: T0,
        fromMs: T0,
        toMs: T0 + 5 * MINUTE,
      });
      await second.close();
      expect(counts).toEqual([{ service: 'payments', count: 2 }]);
    } finally {
      temp.cleanup();
    }
  });
});
