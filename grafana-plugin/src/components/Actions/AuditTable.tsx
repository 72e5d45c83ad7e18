import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { AuditResponse } from '../../api/contract';
import { formatTime } from '../formatTime';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

/** The exporter's append-only audit trail, newest first: who did what, to what, with which result. */
export function AuditTable({ entries }: { entries: AuditResponse['items'] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.actions.audit}>
      <thead>
        <tr>
          <th>Time</th>
          <th>Actor</th>
          <th>Call</th>
          <th>Target</th>
          <th>Parameters</th>
          <th>Result</th>
          <th className={styles.number}>ms</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatTime(entry.time)}</td>
            <td>{entry.actor}</td>
            <td>{entry.action}</td>
            <td>{entry.target ?? '–'}</td>
            <td>
              <code>{JSON.stringify(entry.parameters)}</code>
            </td>
            <td>{entry.result}</td>
            <td className={styles.number}>{Math.round(entry.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
