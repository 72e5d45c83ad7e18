import React from 'react';
import { Badge, type BadgeColor, useStyles2 } from '@grafana/ui';
import type { SignalsResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

type Signal = SignalsResponse['signals'][number];
type Series = Signal['series'][number];

/** One series' state, worst first: what an operator should look at before the number. */
export function seriesState(series: Series): { label: string; color: BadgeColor } {
  if (series.stale) {
    return { label: 'stale', color: 'orange' };
  }
  if (series.anomalyActive) {
    return { label: 'anomaly', color: 'red' };
  }
  if (series.warming) {
    return { label: 'warming up', color: 'blue' };
  }
  return { label: 'normal', color: 'green' };
}

/** Every configured signal and how each of its series is doing now (GET /api/v1/signals). */
export function SignalsTable({ signals }: { signals: Signal[] }) {
  const styles = useStyles2(getTableStyles);
  const rows = signals.flatMap((signal) => signal.series.map((series) => ({ signal, series })));
  return (
    <table className={styles.table} data-testid={testIds.signals.table}>
      <thead>
        <tr>
          <th>Signal</th>
          <th>Service</th>
          <th className={styles.number}>Value</th>
          <th className={styles.number}>Threshold</th>
          <th className={styles.number}>Anomaly score</th>
          <th>State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ signal, series }) => {
          const state = seriesState(series);
          return (
            <tr key={`${signal.name}/${series.service}`} data-testid={testIds.signals.row}>
              <td title={signal.help ?? undefined}>{signal.name}</td>
              <td>{series.service}</td>
              <td className={styles.number}>{formatNumber(series.value)}</td>
              <td className={styles.number}>{formatNumber(signal.threshold)}</td>
              <td className={styles.number}>{formatNumber(series.anomalyScore)}</td>
              <td>
                <Badge text={state.label} color={state.color} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
