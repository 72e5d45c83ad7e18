import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32.js';
import type { SeriesSample } from '../sources/source.js';
import type { InsightsResponse } from './contract.js';
import { startTestApp, type TestApp } from './test-app.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// Noon in Paris (UTC+1 in winter).
const NOW = Date.UTC(2026, 0, 12, 11);

let app: TestApp;

/** A sample every 15 min for 8 days: ~0.01, and `peak` during one UTC hour each day. */
function week(service: string, utcHour: number | null, seed: number): SeriesSample[] {
  const random = mulberry32(seed);
  const samples: SeriesSample[] = [];
  for (let t = NOW - 8 * DAY; t < NOW; t += 15 * MIN) {
    const peak = utcHour !== null && new Date(t).getUTCHours() === utcHour ? 0.08 : 0;
    samples.push({ signal: 'error_ratio', service, timestampMs: t, value: 0.01 + 0.002 * random() + peak });
  }
  return samples;
}

beforeAll(async () => {
  app = await startTestApp({
    yaml: [
      'timezone: Europe/Paris',
      'sources: [{ name: demo, type: scrape, url: "http://127.0.0.1:1/metrics" }]',
      'signals: [{ name: error_ratio, type: ratio, numerator: a_total, denominator: b_total }]',
    ].join('\n'),
    clock: () => NOW,
  });
  // checkout's nightly job at 02:00 Paris = 01:00 UTC; cart is quiet.
  await app.store.writeSamples([...week('checkout', 1, 1), ...week('cart', null, 2)]);
});
afterAll(() => app.close());

const insights = async (query: string) =>
  (await (await fetch(`${app.base}/api/v1/insights${query}`)).json()) as InsightsResponse;

describe('GET /api/v1/insights: recurring patterns', () => {
  it('says when a series peaks every day, in the configured time zone, with a link to its values', async () => {
    const recurring = (await insights('?period=7d')).items.filter((i) => i.kind === 'recurring');
    expect(recurring.map((i) => i.service)).toEqual(['checkout']);
    const [item] = recurring;
    // The last 7 days end at noon in Paris: 8 local days seen (two half ones), 7 of them at 02:00.
    expect(item!.title).toMatch(
      /^error_ratio of checkout peaks every day around 02:00 \(Europe\/Paris\): on 7 of the last 8 days, at 0\.09\d* against a usual 0\.01\d*$/,
    );
    expect(item!.details).toMatchObject({ hour: 2, minute: 0, days: 7, observed: 8 });
    const evidence = await fetch(`${app.base}${item!.evidence}`);
    expect(evidence.status).toBe(200);
    const values = (await evidence.json()) as { points?: unknown[] };
    expect(JSON.stringify(values)).toContain('0.09');
  });

  it('leaves recurring patterns out of periods too short to show one', async () => {
    expect((await insights('?period=1d')).items.filter((i) => i.kind === 'recurring')).toEqual([]);
  });
});
