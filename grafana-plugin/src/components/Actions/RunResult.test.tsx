import React from 'react';
import { render, screen } from '@testing-library/react';
import { testIds } from '../testIds';
import { RunResult } from './RunResult';

const execution = {
  id: 'e1234567-89ab',
  action: 'page-oncall',
  target: { kind: 'incident' as const, id: '7' },
  params: {},
  state: 'pending_approval' as const,
  requestedBy: 'eddie',
  requestedAt: '2026-01-01T00:00:00.000Z',
  approvedBy: null,
  finishedAt: null,
  result: null,
  error: null,
};

test('an execution shows its outcome and id, and links to its audit entry by the click’s key', () => {
  render(
    <RunResult
      state={{ phase: 'done', request: { key: 'k1', params: {} }, answer: { execution, replayed: false } }}
      onRetry={() => {}}
    />
  );
  expect(screen.getByTestId(testIds.actions.result)).toHaveTextContent('awaiting approval execution e1234567');
  expect(screen.getByTestId(testIds.actions.result)).toHaveAttribute('data-execution-id', 'e1234567-89ab');
  expect(screen.getByTestId(testIds.actions.auditLink).getAttribute('href')).toMatch(
    /\/a\/omen-predict-app\/actions\?action=action\.execute&(actor=[^&]+&)?key=k1$/
  );
});

test('a failed request offers a retry only when repeating it may help', () => {
  const request = { key: 'k1', params: {} };
  const { rerender } = render(
    <RunResult state={{ phase: 'error', request, message: 'HTTP 502', retryable: true }} onRetry={() => {}} />
  );
  expect(screen.getByTestId(testIds.actions.retry)).toBeInTheDocument();
  rerender(<RunResult state={{ phase: 'error', request, message: 'refused', retryable: false }} onRetry={() => {}} />);
  expect(screen.queryByTestId(testIds.actions.retry)).toBeNull();
});
