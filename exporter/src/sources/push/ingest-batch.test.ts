import { describe, expect, it } from 'vitest';
import { IngestRejected, resolveBatch, type BatchRules } from './ingest-batch.js';

const NOW = Date.UTC(2026, 2, 1, 12);
const rules: BatchRules = {
  signals: new Set(['queue_depth']),
  eventSignal: 'pushed_error_rate',
  maxFutureMs: 300_000,
  maxAgeMs: 86_400_000,
};
const event = (timestamp?: string | number) => ({
  service: 'payments',
  type: 'TimeoutError',
  severity: 'error' as const,
  ...(timestamp === undefined ? {} : { timestamp }),
});

function rejection(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestRejected);
    return { field: (error as IngestRejected).field, message: (error as Error).message };
  }
  throw new Error('not rejected');
}

describe('resolveBatch', () => {
  it('reads RFC 3339 and Unix seconds, and stamps a missing time with now', () => {
    const { events } = resolveBatch(
      { samples: [], events: [event('2026-03-01T11:59:30+00:00'), event(NOW / 1000 - 10.5), event()] },
      rules,
      NOW,
    );
    expect(events.map((e) => e.timestampMs)).toEqual([NOW - 30_000, NOW - 10_500, NOW]);
  });

  it('accepts up to maxFutureMs ahead and maxAgeMs back, and names the field beyond', () => {
    expect(() =>
      resolveBatch({ samples: [], events: [event((NOW + 300_000) / 1000)] }, rules, NOW),
    ).not.toThrow();
    expect(() =>
      resolveBatch({ samples: [], events: [event((NOW - 86_400_000) / 1000)] }, rules, NOW),
    ).not.toThrow();
    expect(
      rejection(() =>
        resolveBatch({ samples: [], events: [event(), event((NOW + 300_001) / 1000)] }, rules, NOW),
      ),
    ).toEqual({
      field: 'events[1].timestamp',
      message: 'events[1].timestamp: is more than 300s in the future',
    });
    expect(
      rejection(() => resolveBatch({ samples: [], events: [event((NOW - 86_400_001) / 1000)] }, rules, NOW))
        .field,
    ).toBe('events[0].timestamp');
  });

  it('takes samples of its signals only', () => {
    const sample = (signal: string) => ({ signal, service: 'api', value: 1 });
    expect(resolveBatch({ samples: [sample('queue_depth')], events: [] }, rules, NOW).samples).toEqual([
      { signal: 'queue_depth', service: 'api', timestampMs: NOW, value: 1 },
    ]);
    expect(
      rejection(() =>
        resolveBatch({ samples: [sample('queue_depth'), sample('cpu')], events: [] }, rules, NOW),
      ).field,
    ).toBe('samples[1].signal');
  });
});
