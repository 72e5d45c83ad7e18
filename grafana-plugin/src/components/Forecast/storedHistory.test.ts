import type { SeriesValuesResponse } from '../../api/contract';
import { describeHistory, historyFromValues } from './storedHistory';

const values = (step: string | null, samples: number): SeriesValuesResponse => ({
  signal: 'error_ratio',
  service: 'checkout',
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-01T01:00:00.000Z',
  samples,
  step,
  points: [
    { time: '2026-01-01T00:00:00.000Z', value: 0.5, min: 0.1, max: 0.9 },
    { time: '2026-01-01T00:10:00.000Z', value: 0.25, min: 0.25, max: 0.25 },
  ],
});

test('the stored values become the chart’s history line, the step mean as the value', () => {
  expect(historyFromValues(values('10m', 40))).toEqual([
    { t: Date.UTC(2026, 0, 1), v: 0.5 },
    { t: Date.UTC(2026, 0, 1, 0, 10), v: 0.25 },
  ]);
});

test('the caption says whether the line is raw or averaged, or that there is none', () => {
  expect(describeHistory(values(null, 2))).toBe('History: 2 stored samples.');
  expect(describeHistory(values('10m', 40))).toBe('History: 40 stored samples, averaged per 10m (2 points).');
  expect(describeHistory({ ...values(null, 0), points: [] })).toMatch(/^No stored samples/);
});
