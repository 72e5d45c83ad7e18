import { PanelPlugin } from '@grafana/data';
import { addIncidentOptions } from '../../components/Incidents/incidentOptions';
import { RcaPanel, type RcaOptions } from './RcaPanel';

export const plugin = new PanelPlugin<RcaOptions>(RcaPanel).setPanelOptions((builder) => addIncidentOptions(builder));
