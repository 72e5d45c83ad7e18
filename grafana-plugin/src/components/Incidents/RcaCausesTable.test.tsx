import React from 'react';
import { render, screen } from '@testing-library/react';
import type { RcaResponse } from '../../api/contract';
import { testIds } from '../testIds';
import { RcaCausesTable } from './RcaCausesTable';

const cause = (rank: number, service: string, downstream: boolean | null): RcaResponse['causes'][number] => ({
  rank,
  signal: 'error_ratio',
  service,
  score: 0.6 / rank,
  evidence: {
    change: 12.5,
    onsetAt: '2026-01-01T00:00:00.000Z',
    leadSeconds: 30,
    correlation: 0.91,
    downstream,
    explainedBy: null,
  },
});

test('ranked causes with their evidence; unknown call-graph facts shown as a dash', () => {
  render(<RcaCausesTable causes={[cause(1, 'payments', true), cause(2, 'inventory', null)]} />);
  const rows = screen.getByTestId(testIds.incidents.causes).querySelectorAll('tbody tr');
  expect([...rows].map((row) => row.textContent)).toEqual([
    expect.stringMatching(/^1error_ratio · payments0\.60012\.5.*30\.00\.910downstream–$/),
    expect.stringMatching(/^2error_ratio · inventory0\.30012\.5.*30\.00\.910––$/),
  ]);
});
