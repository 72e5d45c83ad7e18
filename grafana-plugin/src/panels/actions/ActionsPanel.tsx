import React from 'react';
import type { PanelProps } from '@grafana/data';
import { ActionsView } from '../../components/Actions/ActionsView';
import { IncidentPanelBody } from '../../components/Incidents/IncidentPanelBody';
import type { IncidentOptions } from '../../components/Incidents/incidentChoice';

export type ActionsOptions = IncidentOptions;

/** The actions recommended for an incident and the rest of the catalog, each with Run (Editors), on any dashboard. */
export function ActionsPanel(props: PanelProps<ActionsOptions>) {
  return (
    <IncidentPanelBody panel={props}>
      {(incident, refreshKey) => <ActionsView incident={incident} refreshKey={refreshKey} />}
    </IncidentPanelBody>
  );
}
