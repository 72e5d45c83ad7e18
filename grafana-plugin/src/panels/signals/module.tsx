import { PanelPlugin } from '@grafana/data';
import { SignalsPanel, type SignalsOptions } from './SignalsPanel';

export const plugin = new PanelPlugin<SignalsOptions>(SignalsPanel);
