import React from 'react';
import { render, screen } from '@testing-library/react';
import type { SummaryResponse } from '../../api/contract';
import { BreachList } from './BreachList';
import { HealthSection } from './HealthSection';

test('the health score with its reasons, largest penalty first as the API sends them', () => {
  const health: SummaryResponse['health'] = {
    score: 70,
    status: 'degraded',
    reasons: [
      { code: 'incident_open', message: '1 incident open', penalty: 20, link: '/api/v1/incidents?state=open' },
      { code: 'anomalies_active', message: '2 series anomalous', penalty: 10, link: null },
    ],
  };
  render(<HealthSection health={health} />);
  expect(screen.getByText('70')).toBeInTheDocument();
  expect(screen.getByText('degraded')).toBeInTheDocument();
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '1 incident open (−20)',
    '2 series anomalous (−10)',
  ]);
});

test('likely breaches with their horizon and threshold', () => {
  render(
    <BreachList
      breaches={[
        { signal: 'error_ratio', service: 'checkout', horizon: '30s', probability: 0.42, value: 0.03, threshold: 0.05 },
      ]}
    />
  );
  expect(screen.getByText('42.0%')).toBeInTheDocument();
  expect(screen.getByText('30s')).toBeInTheDocument();
  expect(screen.getByText('0.0500')).toBeInTheDocument();
});
