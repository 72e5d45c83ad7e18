import React from 'react';
import { render, screen } from '@testing-library/react';
import { testIds } from '../testIds';
import { LabelContrastTable } from './LabelContrastTable';

test('each over-represented label value with its shares during and before the incident', () => {
  const row = (label: string, value: string, incidentShare: number, baselineShare: number) => ({
    label,
    value,
    incidentShare,
    baselineShare,
    incidentCount: 90,
    baselineCount: 1200,
    score: 0.31,
    z: 7.2,
  });
  render(<LabelContrastTable contrast={[row('pod', 'api-7', 0.9, 0.2), row('version', '', 0.5, 0.125)]} />);
  const rows = screen.getByTestId(testIds.rca.labelContrast).querySelectorAll('tbody tr');
  expect([...rows].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
    ['pod=api-7', '90.0%', '20.0%', '90 / 1200', '0.310'],
    ['version=(none)', '50.0%', '12.5%', '90 / 1200', '0.310'],
  ]);
});
