import { PanelPlugin } from '@grafana/data';
import { ForecastPanel, type ForecastOptions } from './ForecastPanel';

export const plugin = new PanelPlugin<ForecastOptions>(ForecastPanel).setPanelOptions((builder) =>
  builder
    .addTextInput({
      path: 'signal',
      name: 'Signal',
      description: 'The signal to forecast ($variables allowed). Empty: the signal label of the query.',
      defaultValue: '',
    })
    .addTextInput({
      path: 'service',
      name: 'Service',
      description: 'The service to forecast ($variables allowed). Empty: the service label of the query.',
      defaultValue: '',
    })
);
