import React from 'react';
import { Badge, type BadgeColor, useStyles2 } from '@grafana/ui';
import type { Anomaly } from '../../api/contract';
import { formatNumber } from '../format';
import { formatTime } from '../formatTime';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';
import { AnomalyButtons } from './AnomalyButtons';
import { AnomalyStateBadges } from './AnomalyStateBadges';
import { bySeverity, type AnomalyState } from './anomalyStates';

const SEVERITY_COLOR: Record<Anomaly['severity'], BadgeColor> = {
  critical: 'red',
  high: 'orange',
  medium: 'blue',
  low: 'darkgrey',
};

interface Props {
  anomalies: Anomaly[];
  states: Map<string, AnomalyState>;
  canOperate: boolean;
  /** Why the buttons are disabled, when they are. */
  readOnlyReason?: string;
  onChanged: () => void;
  timeZone?: string;
}

/** Anomalies worst first, with what was expected, their state, and the operator's buttons. */
export function AnomaliesTable({ anomalies, states, canOperate, readOnlyReason, onChanged, timeZone }: Props) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.anomalies.table}>
      <thead>
        <tr>
          <th>Severity</th>
          <th>Time</th>
          <th>Signal</th>
          <th>Service</th>
          <th>Kind</th>
          <th className={styles.number}>Score</th>
          <th className={styles.number}>Value (expected)</th>
          <th>State</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {bySeverity(anomalies).map((anomaly) => (
          <tr key={anomaly.id} data-testid={testIds.anomalies.row} data-anomaly-id={anomaly.id}>
            <td>
              <Badge text={anomaly.severity} color={SEVERITY_COLOR[anomaly.severity]} />
            </td>
            <td>{formatTime(anomaly.time, timeZone)}</td>
            <td>{anomaly.signal}</td>
            <td>{anomaly.service}</td>
            <td title={anomaly.explanation}>{anomaly.kind.replace('_', ' ')}</td>
            <td className={styles.number}>{anomaly.score.toFixed(4)}</td>
            <td
              className={styles.number}
              title={`expected band ${formatNumber(anomaly.lower)} – ${formatNumber(anomaly.upper)}`}
            >
              {formatNumber(anomaly.value)} ({formatNumber(anomaly.expected)})
            </td>
            <td>
              <AnomalyStateBadges state={states.get(anomaly.id)} />
            </td>
            <td>
              <AnomalyButtons
                anomaly={anomaly}
                state={states.get(anomaly.id)}
                canOperate={canOperate}
                readOnlyReason={readOnlyReason}
                onChanged={onChanged}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
