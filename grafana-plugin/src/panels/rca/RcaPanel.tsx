import React from 'react';
import type { PanelProps } from '@grafana/data';
import { IncidentPanelBody } from '../../components/Incidents/IncidentPanelBody';
import type { IncidentOptions } from '../../components/Incidents/incidentChoice';
import { RcaView } from '../../components/Incidents/RcaView';
import { testIds } from '../../components/testIds';

export type RcaOptions = IncidentOptions;

/** One incident's ranked causes with their evidence and sparklines, on any dashboard; a refresh reloads them. */
export function RcaPanel(props: PanelProps<RcaOptions>) {
  return (
    <IncidentPanelBody panel={props}>
      {(incident, refreshKey) =>
        incident === null ? (
          <div data-testid={testIds.query.empty}>No open incident: Omen has nothing to explain right now.</div>
        ) : (
          <RcaView incidentId={incident.id} refreshKey={refreshKey} />
        )
      }
    </IncidentPanelBody>
  );
}
