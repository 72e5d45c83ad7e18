import {
  EventBusSrv,
  getDefaultTimeRange,
  LoadingState,
  type DataFrame,
  type FieldConfigSource,
  type PanelProps,
} from '@grafana/data';

/**
 * The props Grafana's dashboard gives a panel: the panels under test fetch their own data
 * through the proxy routes; `series` is the panel query's result where a panel uses one
 * (the test supplies it, as Prometheus would), and the time range is the default.
 */
export function panelProps<T>(
  options: T,
  size: { width: number; height: number },
  series: DataFrame[] = []
): PanelProps<T> {
  const timeRange = getDefaultTimeRange();
  const fieldConfig: FieldConfigSource = { defaults: {}, overrides: [] };
  return {
    id: 1,
    title: 'harness',
    data: { state: LoadingState.Done, series, timeRange },
    timeRange,
    timeZone: 'browser',
    options,
    fieldConfig,
    transparent: false,
    width: size.width,
    height: size.height,
    renderCounter: 0,
    eventBus: new EventBusSrv(),
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
    replaceVariables: (value: string) => value,
  };
}
