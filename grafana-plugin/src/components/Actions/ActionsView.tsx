import React from 'react';
import { config } from '@grafana/runtime';
import { Alert, Text } from '@grafana/ui';
import type { ActionsResponse } from '../../api/contract';
import { actionsPath } from '../../api/paths';
import { deniedReason } from '../../api/roles';
import { useOmenQuery } from '../../api/useOmenQuery';
import type { Incident } from '../Incidents/IncidentTarget';
import { QueryView } from '../QueryView/QueryView';
import { testIds } from '../testIds';
import { ActionsTable } from './ActionsTable';
import { RunActionButton } from './RunActionButton';
import { splitRecommended } from './runAction';

interface Props {
  /** What Run acts on; null: no open incident, so the catalog is shown without anything to run. */
  incident: Incident | null;
  refreshKey?: unknown;
}

/**
 * GET /api/v1/actions for the incident (which apply, which are recommended and why) through the
 * read route: the recommended actions first, then the rest of the catalog, each with Run.
 */
export function ActionsView({ incident, refreshKey }: Props) {
  const state = useOmenQuery<ActionsResponse>(actionsPath(incident?.id), refreshKey);
  const denied = deniedReason('execute', config.bootData?.user);
  const run = (action: ActionsResponse['actions'][number]) => (
    <RunActionButton action={action} incident={incident} denied={denied} />
  );
  return (
    <>
      {denied && (
        <Alert severity="info" title="Read only" data-testid={testIds.actions.readOnly}>
          {denied}
        </Alert>
      )}
      {!incident && (
        <div data-testid={testIds.query.empty}>No open incident: there is nothing to run an action on right now.</div>
      )}
      <QueryView
        state={state}
        what="actions"
        isEmpty={(data) => data.actions.length === 0}
        empty="No actions are configured in this Omen (config section actions.catalog)."
        notFoundIsEmpty
      >
        {(data) => {
          const { recommended, others } = splitRecommended(data.actions);
          return (
            <>
              {recommended.length > 0 && (
                <>
                  <Text element="h5">
                    Recommended for incident {incident?.id} ({incident?.symptom.signal} · {incident?.symptom.service})
                  </Text>
                  <ActionsTable actions={recommended} recommended run={run} testId={testIds.actions.recommended} />
                </>
              )}
              {others.length > 0 && (
                <>
                  <Text element="h5">{recommended.length > 0 ? 'Other actions' : 'Action catalog'}</Text>
                  <ActionsTable actions={others} run={run} />
                </>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
