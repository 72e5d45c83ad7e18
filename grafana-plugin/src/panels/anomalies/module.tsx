import { PanelPlugin } from '@grafana/data';
import { AnomaliesPanel, type AnomaliesOptions } from './AnomaliesPanel';

export const plugin = new PanelPlugin<AnomaliesOptions>(AnomaliesPanel).setPanelOptions((builder) =>
  builder
    .addSelect({
      path: 'severity',
      name: 'Severity',
      description: 'Show this severity or worse.',
      defaultValue: '',
      settings: {
        options: [
          { value: '', label: 'All' },
          { value: 'low', label: 'Low or worse' },
          { value: 'medium', label: 'Medium or worse' },
          { value: 'high', label: 'High or worse' },
          { value: 'critical', label: 'Critical' },
        ],
      },
    })
    .addTextInput({
      path: 'service',
      name: 'Service',
      description: 'Only this service ($variables allowed). Empty: every service.',
      defaultValue: '',
    })
    .addNumberInput({
      path: 'limit',
      name: 'Limit',
      description: 'The newest anomalies to list (1–1000).',
      defaultValue: 100,
      settings: { min: 1, max: 1000, integer: true },
    })
);
