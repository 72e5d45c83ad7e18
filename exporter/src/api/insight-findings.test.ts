import { describe, expect, it } from 'vitest';
import { findings, humanDuration, keyOf, type FindingsInput } from './insight-findings.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15);
const series = (service: string, before: number | null, last: number | null) => ({
  signal: 'error_ratio',
  service,
  means: [before, last],
  counts: [2016, 2016],
});

const input = (overrides: Partial<FindingsInput> = {}): FindingsInput => ({
  periodMs: 7 * DAY,
  period: '7d',
  nowMs: NOW,
  means: [],
  current: new Map(),
  anomalies: [],
  pointsPerPeriod: 40_320,
  ...overrides,
});

describe('insight findings', () => {
  it('reports a rise week over week, not a fall or a small change', () => {
    const found = findings(
      input({
        means: [series('payments', 0.01, 0.015), series('catalog', 0.02, 0.01), series('cart', 1, 1.1)],
      }),
    );
    expect(found).toEqual([
      {
        kind: 'trend',
        signal: 'error_ratio',
        service: 'payments',
        score: expect.closeTo(Math.log2(1.5) / 3, 6),
        title: 'error_ratio of payments is up 50% week over week (0.01 → 0.015)',
        evidence: '/api/v1/forecasts?signal=error_ratio&service=payments',
        details: { before: 0.01, last: 0.015, rise: expect.closeTo(0.5, 9) },
      },
    ]);
    const short = findings(
      input({ periodMs: 24 * 60_000, period: '24m', means: [series('payments', 1, 2)] }),
    );
    expect(short[0]!.title).toBe(
      'error_ratio of payments is up 100% over the last 24m against the 24m before (1 → 2)',
    );
  });

  it('says when a rising series reaches its threshold at the current trend, within four periods', () => {
    const current = new Map([
      [keyOf({ signal: 'error_ratio', service: 'payments' }), { value: 0.03, threshold: 0.05 }],
      [keyOf({ signal: 'error_ratio', service: 'catalog' }), { value: 0.01, threshold: 0.5 }],
    ]);
    const found = findings(
      input({ means: [series('payments', 0.02, 0.024), series('catalog', 0.009, 0.01)], current }),
    );
    const capacity = found.filter((f) => f.kind === 'capacity');
    // +0.004 a week; 0.02 to go: five weeks is past four periods... so only with a faster rise.
    expect(capacity).toEqual([]);
    const faster = findings(input({ means: [series('payments', 0.02, 0.03)], current })).find(
      (f) => f.kind === 'capacity',
    );
    expect(faster).toMatchObject({
      title: 'error_ratio of payments reaches its threshold 0.05 in about 14 days at the current trend',
      details: { value: 0.03, threshold: 0.05, seconds: 14 * 86_400 },
    });
    expect(faster!.score).toBeCloseTo(0.5 + 0.5 * (1 - 14 / 28), 6);
  });

  it('names series anomalous far more often than their activation level allows', () => {
    const found = findings(
      input({
        anomalies: [
          { signal: 'latency', service: 'search', count: 2000 },
          { signal: 'latency', service: 'cart', count: 50 },
        ],
      }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'noisy',
      service: 'search',
      title: 'latency of search was anomalous 2000 times in the last 7d (4.96% of its points): noisy',
      evidence: `/api/v1/anomalies?signal=latency&service=search&from=${encodeURIComponent(new Date(NOW - 7 * DAY).toISOString())}`,
    });
  });

  it('ranks by score', () => {
    const found = findings(
      input({
        means: [series('a', 1, 1.3), series('b', 1, 8)],
        anomalies: [{ signal: 'latency', service: 'c', count: 4000 }],
      }),
    );
    expect(found.map((f) => f.service)).toEqual(['b', 'c', 'a']);
  });

  it('writes durations in the largest whole unit', () => {
    expect(humanDuration(3 * DAY)).toBe('3 days');
    expect(humanDuration(DAY)).toBe('1 day');
    expect(humanDuration(5 * 3_600_000)).toBe('5 hours');
    expect(humanDuration(90_000)).toBe('2 minutes');
    expect(humanDuration(1_000)).toBe('0 minutes');
  });
});
