/**
 * "Omen service": one service's signals in depth — the value against the band Omen
 * expected and the threshold, the anomaly score, the forecast and the breach probability
 * per horizon; then the Omen app's forecast panel (the path with its bands) and the
 * service's anomalies with their buttons. Reached from the overview or the Omen app with
 * `var-service`.
 */
import {
  DashboardBuilder,
  DashboardCursorSync,
  QueryVariableBuilder,
  RowBuilder,
  VariableRefresh,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { anomaliesPanel, forecastPanel } from './app-panels.js';
import { PROMETHEUS, timeseries } from './panels.js';

export const SERVICE_UID = 'omen-service';

const series = 'signal="$signal", service="$service"';

export function serviceDashboard() {
  return new DashboardBuilder('Omen service')
    .uid(SERVICE_UID)
    .description(
      'One service’s signals: value, expected band, threshold, anomaly score, forecast and breach risk.',
    )
    .tags(['omen'])
    .refresh('30s')
    .time({ from: 'now-3h', to: 'now' })
    .tooltip(DashboardCursorSync.Crosshair)
    .withVariable(
      new QueryVariableBuilder('service')
        .label('Service')
        .datasource(PROMETHEUS)
        .query('label_values(omen_signal_value, service)')
        .refresh(VariableRefresh.OnTimeRangeChanged),
    )
    .withVariable(
      new QueryVariableBuilder('signal')
        .label('Signal')
        .datasource(PROMETHEUS)
        .query('label_values(omen_signal_value{service="$service"}, signal)')
        .refresh(VariableRefresh.OnTimeRangeChanged),
    )
    .withPanel(
      timeseries(
        '$signal: value, expected band and threshold',
        [
          { expr: `omen_signal_value{${series}}`, legend: 'value' },
          { expr: `omen_expected{${series}, bound="point"}`, legend: 'expected' },
          { expr: `omen_expected{${series}, bound="lower_95"}`, legend: 'lower 95%' },
          { expr: `omen_expected{${series}, bound="upper_95"}`, legend: 'upper 95%' },
          { expr: `omen_threshold{${series}}`, legend: 'threshold' },
        ],
        { description: 'The band is what Omen expected for now; outside it, the anomaly score rises.' },
      ).span(24),
    )
    .withPanel(
      timeseries('Anomaly score', [{ expr: `omen_anomaly_score{${series}}`, legend: 'score' }], {
        min: 0,
        max: 1,
      }),
    )
    .withPanel(
      timeseries(
        'Breach probability',
        [{ expr: `omen_breach_probability{${series}}`, legend: 'within {{horizon}}' }],
        { unit: 'percentunit', min: 0, max: 1 },
      ),
    )
    .withPanel(
      timeseries(
        'Forecast by horizon',
        [
          { expr: `omen_forecast{${series}, bound="point"}`, legend: 'in {{horizon}}' },
          { expr: `omen_threshold{${series}}`, legend: 'threshold' },
        ],
        { description: 'What Omen expects the value to be one horizon from each moment.' },
      ),
    )
    .withPanel(
      timeseries(
        'Time to breach',
        [{ expr: `omen_time_to_breach_seconds{${series}}`, legend: 'time to breach' }],
        {
          unit: 's',
        },
      ),
    )
    .withRow(new RowBuilder('In the Omen app'))
    .withPanel(
      forecastPanel(
        '$signal: forecast',
        { signal: '$signal', service: '$service' },
        { expr: `omen_signal_value{${series}}`, legend: 'value' },
      ),
    )
    .withPanel(anomaliesPanel('Anomalies of $service', { severity: '', service: '$service', limit: 100 }));
}
