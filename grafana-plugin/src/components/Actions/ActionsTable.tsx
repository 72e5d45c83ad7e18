import React from 'react';
import { Badge, useStyles2 } from '@grafana/ui';
import type { ActionsResponse } from '../../api/contract';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

const scope = (names: string[]) => (names.length ? names.join(', ') : 'all');

/** The action catalog declared in the exporter's config: what each does, who may run it, and where it applies. */
export function ActionsTable({ actions }: { actions: ActionsResponse['actions'] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.actions.table}>
      <thead>
        <tr>
          <th>Action</th>
          <th>Kind</th>
          <th>Role</th>
          <th>Signals</th>
          <th>Services</th>
          <th>Parameters</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <td title={action.id}>{action.title}</td>
            <td>{action.kind}</td>
            <td>{action.role}</td>
            <td>{scope(action.appliesTo.signals)}</td>
            <td>{scope(action.appliesTo.services)}</td>
            <td>{action.params.map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}`).join(', ') || '–'}</td>
            <td>
              {action.approval && <Badge text="needs approval" color="orange" />}
              {action.auto && <Badge text="automatic" color="purple" />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
