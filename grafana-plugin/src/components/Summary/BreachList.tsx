import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { SummaryResponse } from '../../api/contract';
import { formatProbability } from '../Forecast/BreachTable';
import { formatNumber } from '../format';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

/** The series likeliest to cross their threshold, each at its likeliest horizon. */
export function BreachList({ breaches }: { breaches: SummaryResponse['breaches'] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.summary.breaches}>
      <thead>
        <tr>
          <th>Signal</th>
          <th>Service</th>
          <th className={styles.number}>P(breach)</th>
          <th>Within</th>
          <th className={styles.number}>Value</th>
          <th className={styles.number}>Threshold</th>
        </tr>
      </thead>
      <tbody>
        {breaches.map((b) => (
          <tr key={`${b.signal}/${b.service}`}>
            <td>{b.signal}</td>
            <td>{b.service}</td>
            <td className={styles.number}>{formatProbability(b.probability)}</td>
            <td>{b.horizon}</td>
            <td className={styles.number}>{formatNumber(b.value)}</td>
            <td className={styles.number}>{formatNumber(b.threshold)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
