import React from 'react';
import type { PanelProps } from '@grafana/data';
import { ForecastView } from '../../components/Forecast/ForecastView';
import { chosenSeries, historyFromFrames } from '../../components/Forecast/history';
import { testIds } from '../../components/testIds';

export interface ForecastOptions {
  /** Dashboard variables allowed (`$signal`); empty: the `signal` label of the panel's query. */
  signal: string;
  service: string;
}

/**
 * One series' forecast on a dashboard: the past from the panel's query (e.g.
 * `omen_signal_value{signal="error_ratio",service="checkout"}`), the forecast and breach
 * probabilities from the exporter. A dashboard refresh (new time range) reloads it.
 */
export function ForecastPanel({
  width,
  height,
  data,
  options,
  replaceVariables,
  timeRange,
  timeZone,
}: PanelProps<ForecastOptions>) {
  const history = historyFromFrames(data.series);
  const series = chosenSeries(options, history?.labels ?? {}, replaceVariables);
  if (!series) {
    return (
      <div data-testid={testIds.forecast.choose}>
        Name a signal and a service in the panel options, or query one series of <code>omen_signal_value</code> so its
        labels name them.
      </div>
    );
  }
  return (
    <div style={{ width, height, overflow: 'auto' }}>
      <ForecastView
        {...series}
        history={history?.points ?? []}
        width={width}
        height={height}
        refreshKey={timeRange.to.valueOf()}
        timeZone={timeZone}
      />
    </div>
  );
}
