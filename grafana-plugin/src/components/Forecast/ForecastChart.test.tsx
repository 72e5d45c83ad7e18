import React from 'react';
import { render, screen } from '@testing-library/react';
import type { ForecastResponse } from '../../api/contract';
import { testIds } from '../testIds';
import { BreachTable, formatProbability } from './BreachTable';
import { ForecastChart } from './ForecastChart';
import { formatTimeToBreach } from './ForecastSummary';

const band = (point: number) => ({
  point,
  lower_80: point - 0.01,
  upper_80: point + 0.01,
  lower_95: point - 0.02,
  upper_95: point + 0.02,
});

const forecast: ForecastResponse = {
  signal: 'error_ratio',
  service: 'checkout',
  model: 'median_combination',
  step: '1s',
  threshold: 0.05,
  thresholdLearned: false,
  warming: false,
  timeToBreachSeconds: null,
  path: [0, 1, 2].map((i) => ({
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    ...band(0.02 + i * 0.001),
  })),
  horizons: [
    { horizon: '10s', breachProbability: 0.123, ...band(0.021) },
    { horizon: '30s', breachProbability: null, ...band(0.022) },
  ],
};

describe('ForecastChart', () => {
  test('draws the history, the point path inside both bands, and the threshold', () => {
    const history = [
      { t: Date.UTC(2025, 11, 31, 23, 59, 58), v: 0.02 },
      { t: Date.UTC(2025, 11, 31, 23, 59, 59), v: 0.019 },
    ];
    render(<ForecastChart forecast={forecast} history={history} width={400} height={200} timeZone="utc" />);
    for (const id of [
      testIds.forecast.band95,
      testIds.forecast.band80,
      testIds.forecast.point,
      testIds.forecast.history,
    ]) {
      expect(screen.getByTestId(id).getAttribute('d')).toMatch(/^M.*L/);
    }
    expect(screen.getByTestId(testIds.forecast.band95).getAttribute('d')).toMatch(/Z$/);
    expect(screen.getByTestId(testIds.forecast.threshold)).toBeInTheDocument();
  });

  test('a path whose bounds are all missing (null in JSON) draws its point but no band', () => {
    const bare = {
      ...forecast,
      path: forecast.path.map((step) => ({ ...step, lower_80: null, upper_80: null, lower_95: null, upper_95: null })),
    } as unknown as ForecastResponse;
    render(<ForecastChart forecast={bare} history={[]} width={400} height={200} />);
    expect(screen.getByTestId(testIds.forecast.band95).getAttribute('d')).toBe('');
    expect(screen.getByTestId(testIds.forecast.point).getAttribute('d')).toMatch(/^M.*L/);
  });
});

describe('BreachTable', () => {
  test('one row per horizon; a withheld probability says it is warming up', () => {
    render(<BreachTable horizons={forecast.horizons} />);
    const rows = screen.getAllByTestId(testIds.forecast.breachRow);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^10s12\.3%0\.0210/),
      expect.stringMatching(/^30swarming up0\.0220/),
    ]);
  });
});

describe('formatting', () => {
  test('probabilities as percentages', () => {
    expect(formatProbability(0.5)).toBe('50.0%');
    expect(formatProbability(0.0004)).toBe('0.04%');
    expect(formatProbability(0)).toBe('0.0%');
    expect(formatProbability(null)).toBe('warming up');
  });

  test('time to breach in its two largest units', () => {
    expect(formatTimeToBreach(null)).toBe('none expected');
    expect(formatTimeToBreach(0)).toBe('now');
    expect(formatTimeToBreach(250)).toBe('in 4m 10s');
    expect(formatTimeToBreach(90061)).toBe('in 1d 1h');
  });
});
