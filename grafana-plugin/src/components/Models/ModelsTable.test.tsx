import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { ModelsResponse } from '../../api/contract';
import { testIds } from '../testIds';
import { driftRatio, ModelsTable } from './ModelsTable';

type Model = ModelsResponse['items'][number];

const model = (live: Model['live']): Model => ({
  id: 'm1',
  model: 'median_combination',
  signal: 'error_ratio',
  service: 'checkout',
  version: 3,
  params: {},
  trainedAt: '2026-01-01T00:00:00.000Z',
  samples: 600,
  reason: 'drift',
  backtest: { mase: 0.82, brier: 0.04 },
  live,
  history: [],
});

const live = {
  steps: 40,
  recentError: 0.03,
  trainingError: 0.01,
  coverage80: 0.8,
  coverage95: 0.95,
  refitPending: null,
};

describe('driftRatio', () => {
  test('recent error over the error at training; nothing without both', () => {
    expect(driftRatio(model(live))).toBeCloseTo(3);
    expect(driftRatio(model(null))).toBeNull();
    expect(driftRatio(model({ ...live, trainingError: 0 }))).toBeNull();
  });
});

describe('ModelsTable', () => {
  test('shows why and when a model was trained, its backtest and live quality', () => {
    render(<ModelsTable models={[model({ ...live, refitPending: 'drift' })]} />);
    const table = screen.getByTestId(testIds.models.table);
    for (const text of ['median_combination', 'drift', '0.820', '80% / 95%', '3.00', 'refit due: drift']) {
      expect(within(table).getByText(text)).toBeInTheDocument();
    }
  });
});
