import React from 'react';
import { Badge, Button, useStyles2 } from '@grafana/ui';
import type { IncidentsResponse } from '../../api/contract';
import { formatTime } from '../formatTime';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

type Incident = IncidentsResponse['items'][number];

/** Incidents newest first (as the API lists them); choosing one shows its root-cause analysis. */
export function IncidentsTable({
  incidents,
  selected,
  onSelect,
}: {
  incidents: Incident[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.incidents.table}>
      <thead>
        <tr>
          <th>State</th>
          <th>Severity</th>
          <th>Symptom</th>
          <th>Opened</th>
          <th>Resolved</th>
          <th className={styles.number}>Anomalies</th>
          <th>Series</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id} data-testid={testIds.incidents.row}>
            <td>
              <Badge text={incident.state} color={incident.state === 'open' ? 'red' : 'green'} />
            </td>
            <td>{incident.severity}</td>
            <td>
              {incident.symptom.signal} · {incident.symptom.service}
            </td>
            <td>{formatTime(incident.openedAt)}</td>
            <td>{formatTime(incident.resolvedAt)}</td>
            <td className={styles.number}>{incident.anomalyCount}</td>
            <td>{incident.series.map((s) => `${s.signal}·${s.service}`).join(', ')}</td>
            <td>
              <Button
                size="sm"
                variant={selected === incident.id ? 'primary' : 'secondary'}
                onClick={() => onSelect(incident.id)}
              >
                Root cause
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
