import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { SignalsResponse } from '../../api/contract';
import { testIds } from '../testIds';
import { formatNumber } from '../format';
import { seriesState, SignalsTable } from './SignalsTable';

type Series = SignalsResponse['signals'][number]['series'][number];

const series = (service: string, overrides: Partial<Series> = {}): Series => ({
  service,
  value: 0.012,
  lastSampleAt: '2026-01-01T00:00:00.000Z',
  stale: false,
  warming: false,
  anomalyScore: 0.42,
  anomalyActive: false,
  threshold: 0.05,
  thresholdLearned: false,
  breach: [],
  timeToBreachSeconds: null,
  ...overrides,
});

describe('seriesState', () => {
  test('names the worst state first: stale, then anomaly, then warming up', () => {
    expect(seriesState(series('a', { stale: true, anomalyActive: true })).label).toBe('stale');
    expect(seriesState(series('a', { anomalyActive: true, warming: true })).label).toBe('anomaly');
    expect(seriesState(series('a', { warming: true })).label).toBe('warming up');
    expect(seriesState(series('a')).label).toBe('normal');
  });
});

describe('formatNumber', () => {
  test('shows three significant digits, whole large numbers, and a dash for nothing', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(12345.6)).toBe('12346');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('–');
  });
});

describe('SignalsTable', () => {
  test('renders one row per series with its signal’s threshold and its state', () => {
    const signals: SignalsResponse['signals'] = [
      {
        name: 'error_ratio',
        type: 'ratio',
        help: null,
        threshold: 0.05,
        season: '24m',
        series: [series('checkout', { anomalyActive: true }), series('payments')],
      },
      { name: 'latency_p99', type: 'histogram_quantile', help: null, threshold: null, season: '24m', series: [] },
    ];
    render(<SignalsTable signals={signals} />);
    const rows = screen.getAllByTestId(testIds.signals.row);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('checkout')).toBeInTheDocument();
    expect(within(rows[0]).getByText('0.0500')).toBeInTheDocument();
    expect(within(rows[0]).getByText('anomaly')).toBeInTheDocument();
    expect(within(rows[1]).getByText('normal')).toBeInTheDocument();
  });
});
