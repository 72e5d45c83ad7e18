import React, { type ReactNode } from 'react';
import { Alert } from '@grafana/ui';
import type { IncidentResponse, IncidentsResponse } from '../../api/contract';
import { incidentPath, LATEST_OPEN_INCIDENT_PATH } from '../../api/paths';
import { useOmenQuery } from '../../api/useOmenQuery';
import { QueryView } from '../QueryView/QueryView';
import { testIds } from '../testIds';
import type { IncidentChoice } from './incidentChoice';

export type Incident = IncidentsResponse['items'][number];

interface Props {
  choice: IncidentChoice;
  refreshKey?: unknown;
  /** The incident; null when the latest open one was asked for and none is open. */
  children: (incident: Incident | null) => ReactNode;
}

/** Resolves a panel's incident choice through the read route (a named incident is read too, so a wrong id says so). */
export function IncidentTarget({ choice, refreshKey, children }: Props) {
  if (choice.kind === 'invalid') {
    return (
      <Alert severity="warning" title="Which incident?" data-testid={testIds.query.error}>
        {choice.reason}
      </Alert>
    );
  }
  if (choice.kind === 'id') {
    return (
      <NamedIncident id={choice.id} refreshKey={refreshKey}>
        {children}
      </NamedIncident>
    );
  }
  return <LatestOpenIncident refreshKey={refreshKey}>{children}</LatestOpenIncident>;
}

function NamedIncident({ id, refreshKey, children }: Omit<Props, 'choice'> & { id: string }) {
  const state = useOmenQuery<IncidentResponse>(incidentPath(id), refreshKey);
  return (
    <QueryView state={state} what={`incident ${id}`} isEmpty={() => false} empty={null}>
      {(data) => children(data.incident)}
    </QueryView>
  );
}

function LatestOpenIncident({ refreshKey, children }: Omit<Props, 'choice'>) {
  const state = useOmenQuery<IncidentsResponse>(LATEST_OPEN_INCIDENT_PATH, refreshKey);
  return (
    <QueryView state={state} what="the latest open incident" isEmpty={() => false} empty={null}>
      {(data) => children(data.items[0] ?? null)}
    </QueryView>
  );
}
