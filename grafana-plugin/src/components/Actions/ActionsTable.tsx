import React, { type ReactNode } from 'react';
import { Badge, useStyles2 } from '@grafana/ui';
import type { ActionsResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

type Action = ActionsResponse['actions'][number];

interface Props {
  actions: Action[];
  /** Show how strongly each is recommended, and why (the recommended list). */
  recommended?: boolean;
  /** The Run control of each action; absent: a read-only catalog. */
  run?: (action: Action) => ReactNode;
  testId?: string;
}

const names = (list: string[]) => (list.length ? list.join(', ') : null);

/** Where an action applies, in one cell: "all", or its signals and services. */
const scopeOf = ({ signals, services }: Action['appliesTo']) =>
  [names(signals), names(services)].filter(Boolean).join(' · ') || 'all';

/** Actions declared in the exporter's config: what each does, who may run it, where it applies, and its Run control. */
export function ActionsTable({ actions, recommended, run, testId = testIds.actions.table }: Props) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testId}>
      <thead>
        <tr>
          <th>Action</th>
          {recommended && <th className={styles.number}>Score</th>}
          {recommended && <th>Why</th>}
          <th>Kind</th>
          <th title="Signals · services it applies to">Scope</th>
          <th>Parameters</th>
          {run && <th style={{ minWidth: 200 }} />}
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id} data-testid={testIds.actions.row} data-action-id={action.id}>
            <td title={action.id}>
              {action.title} {action.role === 'admin' && <Badge text="admin only" color="red" />}
              {action.approval && <Badge text="needs approval" color="orange" />}
              {action.auto && <Badge text="automatic" color="purple" />}
            </td>
            {recommended && <td className={styles.number}>{formatNumber(action.recommendation?.score ?? null)}</td>}
            {recommended && <td>{action.recommendation?.reason ?? '–'}</td>}
            <td>{action.kind}</td>
            <td>{scopeOf(action.appliesTo)}</td>
            <td>{action.params.map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}`).join(', ') || '–'}</td>
            {run && <td>{run(action)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
