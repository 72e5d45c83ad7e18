import React, { useMemo } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Text } from '@grafana/ui';
import type { AuditResponse } from '../api/contract';
import { auditPath } from '../api/paths';
import { useOmenQuery } from '../api/useOmenQuery';
import { ActionsView } from '../components/Actions/ActionsView';
import { AuditTable } from '../components/Actions/AuditTable';
import { auditFilterFromSearch, matchesKey } from '../components/Actions/auditLink';
import { IncidentTarget } from '../components/Incidents/IncidentTarget';
import { QueryView } from '../components/QueryView/QueryView';

const LATEST: { kind: 'latest' } = { kind: 'latest' };

/**
 * The actions for the newest open incident (recommended first, each with Run) and the audit
 * log of every state-changing call; a Run's "audit entry" link opens it filtered to that click.
 */
function Actions() {
  const filter = useMemo(() => auditFilterFromSearch(window.location.search), []);
  const audit = useOmenQuery<AuditResponse>(
    filter.action ? auditPath(filter.action, 200, filter.actor) : 'api/v1/audit?limit=200'
  );
  return (
    <PluginPage>
      <Text element="h3">Actions</Text>
      <IncidentTarget choice={LATEST}>{(incident) => <ActionsView incident={incident} />}</IncidentTarget>
      <Text element="h3">
        Audit log{filter.action ? ` — ${[filter.action, filter.actor, filter.key].filter(Boolean).join(', ')}` : ''}
      </Text>
      <QueryView
        state={audit}
        what="the audit log"
        isEmpty={(data) => !data.items.some((entry) => matchesKey(entry, filter.key))}
        empty={
          filter.action
            ? 'No audit entry matches this filter.'
            : 'Nothing audited yet: nobody has acknowledged, given feedback, run an action or retrained.'
        }
      >
        {(data) => <AuditTable entries={data.items.filter((entry) => matchesKey(entry, filter.key))} />}
      </QueryView>
    </PluginPage>
  );
}

export default Actions;
