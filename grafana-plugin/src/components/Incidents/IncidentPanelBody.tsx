import React, { type ReactNode } from 'react';
import type { PanelProps } from '@grafana/data';
import { IncidentTarget, type Incident } from './IncidentTarget';
import { incidentChoice, type IncidentOptions } from './incidentChoice';

interface Props {
  panel: PanelProps<IncidentOptions>;
  /** The chosen incident (null: none open), and the key that reloads with the dashboard's refresh. */
  children: (incident: Incident | null, refreshKey: number) => ReactNode;
}

/** The frame of a panel about one incident: its size, and the incident its options choose. */
export function IncidentPanelBody({ panel, children }: Props) {
  const refreshKey = panel.timeRange.to.valueOf();
  return (
    <div style={{ width: panel.width, height: panel.height, overflow: 'auto' }}>
      <IncidentTarget choice={incidentChoice(panel.options, panel.replaceVariables)} refreshKey={refreshKey}>
        {(incident) => children(incident, refreshKey)}
      </IncidentTarget>
    </div>
  );
}
