import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { RcaResponse } from '../../api/contract';
import { CauseSparkline } from '../Sparkline/Sparkline';
import { formatNumber } from '../format';
import { formatTime } from '../formatTime';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';
import { graphEvidence } from './rcaEvidence';

interface Props {
  causes: RcaResponse['causes'];
  /** Where the causes' sparklines start (Unix ms); null: no trend column. */
  sparklineFrom?: number | null;
  refreshKey?: unknown;
}

/** The ranked causes with the evidence the ranker saw, each checkable on its series. */
export function RcaCausesTable({ causes, sparklineFrom = null, refreshKey }: Props) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.incidents.causes}>
      <thead>
        <tr>
          <th className={styles.number}>Rank</th>
          <th>Cause</th>
          {sparklineFrom !== null && <th title="Its stored values from before the incident to now">Trend</th>}
          <th className={styles.number}>Score</th>
          <th className={styles.number} title="IQRs above its baseline median, at its worst">
            Change
          </th>
          <th>Onset</th>
          <th className={styles.number} title="How long before the symptom it moved (negative: after)">
            Lead (s)
          </th>
          <th className={styles.number}>Correlation</th>
          <th title="The calls from the symptom's service down to it (call graph)">Call path</th>
          <th>Explained by</th>
        </tr>
      </thead>
      <tbody>
        {causes.map((cause) => (
          <tr key={cause.rank} data-testid={testIds.rca.cause} data-service={cause.service}>
            <td className={styles.number}>{cause.rank}</td>
            <td>
              {cause.signal} · {cause.service}
            </td>
            {sparklineFrom !== null && (
              <td>
                <CauseSparkline {...cause} fromMs={sparklineFrom} refreshKey={refreshKey} />
              </td>
            )}
            <td className={styles.number}>{formatNumber(cause.score)}</td>
            <td className={styles.number}>{formatNumber(cause.evidence.change)}</td>
            <td>{formatTime(cause.evidence.onsetAt)}</td>
            <td className={styles.number}>{formatNumber(cause.evidence.leadSeconds)}</td>
            <td className={styles.number}>{formatNumber(cause.evidence.correlation)}</td>
            <td title={graphEvidence(cause.evidence).title}>{graphEvidence(cause.evidence).text}</td>
            <td>{cause.evidence.explainedBy ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
