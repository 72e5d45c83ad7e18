import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushSourceSchema } from '../../config/push-source-schema.js';
import { contrastLabels } from '../../models/rca/label-contrast.js';
import { openMemoryStore } from '../../store/duckdb/test-support.js';
import type { ErrorEvent, Store } from '../../store/store.js';
import { createEventBreakdown } from './event-breakdown.js';

const MINUTE = 60_000;
const onsetMs = Date.UTC(2026, 0, 1, 12);

function events(service: string, type: string, count: number, fromMinute: number): ErrorEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    service,
    type,
    severity: 'error',
    timestampMs: onsetMs + (fromMinute + (i + 0.5) / count) * MINUTE,
  }));
}

describe('push error events by type, for label contrast', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('counts the service’s events per type in each window, and the type that took over stands out', async () => {
    await store.writeErrorEvents([
      ...events('payments', 'TimeoutError', 20, -60),
      ...events('payments', 'DbError', 20, -60),
      ...events('payments', 'TimeoutError', 10, 0),
      ...events('payments', 'DbError', 90, 0),
      ...events('catalog', 'DbError', 500, 0),
    ]);
    const config = pushSourceSchema.parse({ name: 'app', type: 'push', signal: 'pushed_errors' });
    const reader = createEventBreakdown(config, store);
    const request = {
      signal: 'pushed_errors',
      service: 'payments',
      incident: { fromMs: onsetMs, toMs: onsetMs + 10 * MINUTE },
      baseline: { fromMs: onsetMs - 60 * MINUTE, toMs: onsetMs - MINUTE },
      abort: new AbortController().signal,
    };
    const breakdowns = await reader.read(request);
    expect(breakdowns).toEqual([
      {
        label: 'type',
        values: [
          { value: 'DbError', incident: 90, baseline: 20 },
          { value: 'TimeoutError', incident: 10, baseline: 20 },
        ],
      },
    ]);
    expect(contrastLabels(breakdowns).map((f) => f.value)).toEqual(['DbError']);
    expect(await reader.read({ ...request, signal: 'error_ratio' })).toEqual([]);
  });
});
