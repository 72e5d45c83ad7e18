import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { Text } from '@grafana/ui';
import type { ActionsResponse, AuditResponse } from '../api/contract';
import { useOmenQuery } from '../api/useOmenQuery';
import { ActionsTable } from '../components/Actions/ActionsTable';
import { AuditTable } from '../components/Actions/AuditTable';
import { QueryView } from '../components/QueryView/QueryView';

/** The configured actions and the audit log of every state-changing call (acks, feedback, executions, retrains). */
function Actions() {
  const actions = useOmenQuery<ActionsResponse>('api/v1/actions');
  const audit = useOmenQuery<AuditResponse>('api/v1/audit?limit=200');
  return (
    <PluginPage>
      <Text variant="h3">Action catalog</Text>
      <QueryView
        state={actions}
        what="actions"
        isEmpty={(data) => data.actions.length === 0}
        empty="No actions are configured in this Omen (config section actions.catalog)."
        notFoundIsEmpty
      >
        {(data) => <ActionsTable actions={data.actions} />}
      </QueryView>
      <Text variant="h3">Audit log</Text>
      <QueryView
        state={audit}
        what="the audit log"
        isEmpty={(data) => data.items.length === 0}
        empty="Nothing audited yet: nobody has acknowledged, given feedback, run an action or retrained."
      >
        {(data) => <AuditTable entries={data.items} />}
      </QueryView>
    </PluginPage>
  );
}

export default Actions;
