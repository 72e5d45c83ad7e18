import { describe, expect, it } from 'vitest';
import type { RecurringPeak } from '../models/pattern/recurring-peaks.js';
import { recurringFinding } from './recurring-finding.js';

const range = { fromMs: Date.UTC(2026, 0, 5), toMs: Date.UTC(2026, 1, 2) };
const weekly: RecurringPeak = {
  signal: 'latency',
  service: 'reports',
  every: 'week',
  weekday: 1,
  minuteOfDay: 9 * 60 + 30,
  timeZone: 'America/New_York',
  days: 3,
  observed: 4,
  peak: 2.41234,
  usual: 0.3,
};

describe('a recurring peak as an insight', () => {
  it('tells a weekly peak by its weekday and links to the values over the range', () => {
    const finding = recurringFinding(weekly, range);
    expect(finding.title).toBe(
      'latency of reports peaks every Monday around 09:30 (America/New_York): on 3 of the last 4 Mondays, at 2.41 against a usual 0.3',
    );
    expect(finding.details).toEqual({
      hour: 9,
      minute: 30,
      weekday: 1,
      days: 3,
      observed: 4,
      peak: 2.41234,
      usual: 0.3,
    });
    expect(finding.evidence).toBe(
      '/api/v1/signals/latency/values?service=reports&from=2026-01-05T00%3A00%3A00.000Z&to=2026-02-02T00%3A00%3A00.000Z',
    );
    expect(finding.score).toBeCloseTo(0.3 + 0.4 * 0.75, 10);
  });

  it('tells a daily one by the day, without a weekday', () => {
    const finding = recurringFinding({ ...weekly, every: 'day', weekday: null, days: 6, observed: 7 }, range);
    expect(finding.title).toMatch(
      /peaks every day around 09:30 \(America\/New_York\): on 6 of the last 7 days,/,
    );
    expect(finding.details).not.toHaveProperty('weekday');
  });
});
