import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ActionInfo } from '../../api/contract';
import { RUN_READ_ONLY_REASON } from '../../api/roles';
import type { Incident } from '../Incidents/IncidentTarget';
import { testIds } from '../testIds';
import { RunActionButton } from './RunActionButton';

const action: ActionInfo = {
  id: 'page-oncall',
  title: 'Page the on-call',
  kind: 'webhook',
  role: 'operator',
  auto: false,
  approval: false,
  appliesTo: { signals: [], services: [] },
  params: [{ name: 'reason', type: 'string', required: true, description: 'Why' }],
  applicable: true,
  recommendation: null,
};
const incident = { id: '7', symptom: { signal: 'error_ratio', service: 'payments' } } as Incident;

test('a Viewer’s Run is disabled with the reason on hover (the view’s banner says it once for all)', () => {
  render(<RunActionButton action={action} incident={incident} denied={RUN_READ_ONLY_REASON} />);
  const run = screen.getByTestId(testIds.actions.run);
  expect(run).toBeDisabled();
  expect(run).toHaveAttribute('title', RUN_READ_ONLY_REASON);
  expect(screen.queryByTestId(testIds.actions.runReason)).toBeNull();
});

test('an action that does not apply to the incident says so beside its disabled Run', () => {
  render(<RunActionButton action={{ ...action, applicable: false }} incident={incident} denied={null} />);
  expect(screen.getByTestId(testIds.actions.run)).toBeDisabled();
  expect(screen.getByTestId(testIds.actions.runReason)).toHaveTextContent(/does not apply to incident 7/);
});

test('an Editor’s Run asks first, naming the action and its target, and needs the required parameters', () => {
  render(<RunActionButton action={action} incident={incident} denied={null} />);
  fireEvent.click(screen.getByTestId(testIds.actions.run));
  const dialog = screen.getByRole('dialog');
  expect(dialog).toHaveTextContent(
    'Run the webhook action Page the on-call (page-oncall) on incident 7 (error_ratio · payments)'
  );
  const confirm = screen.getAllByRole('button', { name: 'Run' }).find((button) => dialog.contains(button))!;
  expect(confirm).toBeDisabled();
  expect(dialog).toHaveTextContent('reason is required');
  fireEvent.change(screen.getByLabelText('reason'), { target: { value: 'paging' } });
  expect(confirm).toBeEnabled();
});
