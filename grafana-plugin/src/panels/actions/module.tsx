import { PanelPlugin } from '@grafana/data';
import { addIncidentOptions } from '../../components/Incidents/incidentOptions';
import { ActionsPanel, type ActionsOptions } from './ActionsPanel';

export const plugin = new PanelPlugin<ActionsOptions>(ActionsPanel).setPanelOptions((builder) =>
  addIncidentOptions(builder)
);
