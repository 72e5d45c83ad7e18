import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { ForecastResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

type Horizon = ForecastResponse['horizons'][number];

/** "12.3%"; null while the horizon's intervals warm up (the exporter withholds it rather than guess). */
export function formatProbability(p: number | null): string {
  if (p === null || !Number.isFinite(p)) {
    return 'warming up';
  }
  return `${(p * 100).toFixed(p < 0.001 && p > 0 ? 2 : 1)}%`;
}

const interval = (lower: number, upper: number) => `${formatNumber(lower)} – ${formatNumber(upper)}`;

/** P(breach) per horizon beside the value expected then and its 80%/95% intervals. */
export function BreachTable({ horizons }: { horizons: Horizon[] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.forecast.breachTable}>
      <thead>
        <tr>
          <th>Horizon</th>
          <th className={styles.number}>P(breach)</th>
          <th className={styles.number}>Expected</th>
          <th className={styles.number}>80%</th>
          <th className={styles.number}>95%</th>
        </tr>
      </thead>
      <tbody>
        {horizons.map((h) => (
          <tr key={h.horizon} data-testid={testIds.forecast.breachRow}>
            <td>{h.horizon}</td>
            <td className={styles.number}>{formatProbability(h.breachProbability)}</td>
            <td className={styles.number}>{formatNumber(h.point)}</td>
            <td className={styles.number}>{interval(h.lower_80, h.upper_80)}</td>
            <td className={styles.number}>{interval(h.lower_95, h.upper_95)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
