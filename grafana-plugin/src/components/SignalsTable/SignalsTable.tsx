import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, type BadgeColor, useStyles2 } from '@grafana/ui';
import type { SignalsResponse } from '../../api/contract';
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

export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return '–';
  }
  return Math.abs(value) >= 1000 || value === 0 ? String(Math.round(value)) : value.toPrecision(3);
}

/** Every configured signal and how each of its series is doing now (GET /api/v1/signals). */
export function SignalsTable({ signals }: { signals: Signal[] }) {
  const styles = useStyles2(getStyles);
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

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  number: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
});
