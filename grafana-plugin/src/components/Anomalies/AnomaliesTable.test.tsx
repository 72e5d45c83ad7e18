import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { Anomaly } from '../../api/contract';
import { READ_ONLY_REASON } from '../../api/roles';
import { testIds } from '../testIds';
import { AnomaliesTable } from './AnomaliesTable';

const anomaly = (id: string, severity: Anomaly['severity'], service: string): Anomaly => ({
  id,
  signal: 'error_ratio',
  service,
  time: '2026-01-01T00:00:00.000Z',
  score: 0.9995,
  severity,
  value: 0.2,
  expected: 0.01,
  lower: 0,
  upper: 0.03,
  model: 'tail_ensemble',
  kind: 'level_shift',
  explanation: 'mean of the last 48 points is above its level',
});

const anomalies = [anomaly('1', 'medium', 'catalog'), anomaly('2', 'critical', 'payments')];

describe('AnomaliesTable', () => {
  test('worst first, with the state the audit trail records', () => {
    const states = new Map([
      ['2', { acknowledgedBy: 'eddie', verdict: 'false_positive' as const, verdictBy: 'eddie' }],
    ]);
    render(<AnomaliesTable anomalies={anomalies} states={states} canOperate onChanged={() => {}} timeZone="utc" />);
    const rows = screen.getAllByTestId(testIds.anomalies.row);
    expect(within(rows[0]).getByText('payments')).toBeInTheDocument();
    expect(within(rows[0]).getByText('acknowledged by eddie')).toBeInTheDocument();
    expect(within(rows[0]).getByText('false positive (eddie)')).toBeInTheDocument();
    expect(within(rows[0]).getByTestId(testIds.anomalies.ack)).toBeDisabled();
    expect(within(rows[1]).getByText('open')).toBeInTheDocument();
    expect(within(rows[1]).getByTestId(testIds.anomalies.ack)).toBeEnabled();
    expect(within(rows[1]).getByText('level shift')).toBeInTheDocument();
  });

  test('a user who may not operate sees every button disabled, with the reason', () => {
    render(<AnomaliesTable anomalies={anomalies} states={new Map()} canOperate={false} onChanged={() => {}} />);
    for (const id of [testIds.anomalies.ack, testIds.anomalies.falsePositive]) {
      for (const button of screen.getAllByTestId(id)) {
        expect(button).toBeDisabled();
        expect(button).toHaveAttribute('title', READ_ONLY_REASON);
      }
    }
  });
});
