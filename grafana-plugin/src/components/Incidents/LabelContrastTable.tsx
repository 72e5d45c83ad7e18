import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { RcaResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';
import { labelValue } from './rcaEvidence';

const percent = (share: number) => `${formatNumber(share * 100)}%`;
// Counted from rates (Prometheus increase()), so not always whole: shown rounded.
const count = (events: number) => String(Math.round(events));

/** The symptom's label values that carry more of its events during the incident than before it. */
export function LabelContrastTable({ contrast }: { contrast: RcaResponse['labelContrast'] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.rca.labelContrast}>
      <thead>
        <tr>
          <th>Label value</th>
          <th className={styles.number}>During</th>
          <th className={styles.number}>Before</th>
          <th className={styles.number} title="Its events during the incident, and in the baseline before it">
            Events
          </th>
          <th className={styles.number} title="Adtributor surprise, in bits: how over-represented">
            Surprise
          </th>
        </tr>
      </thead>
      <tbody>
        {contrast.map((row) => (
          <tr key={`${row.label}\u0000${row.value}`}>
            <td>{labelValue(row)}</td>
            <td className={styles.number}>{percent(row.incidentShare)}</td>
            <td className={styles.number}>{percent(row.baselineShare)}</td>
            <td className={styles.number}>
              {count(row.incidentCount)} / {count(row.baselineCount)}
            </td>
            <td className={styles.number}>{formatNumber(row.score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
