/**
 * "Omen overview": is anything wrong or about to be, and is Omen itself healthy — the
 * page an on-call engineer opens first. Its charts are built only from the `omen_*` metrics
 * of DESIGN's contract, so they work for any Prometheus that scrapes the exporter; the
 * Respond row holds the Omen app's panels, which read the exporter through the app.
 */
import { DashboardBuilder, DashboardCursorSync, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { actionsPanel, anomaliesPanel, rcaPanel } from './app-panels.js';
import { stat, table, timeseries } from './panels.js';

export const OVERVIEW_UID = 'omen-overview';

/** The RCA and actions panels follow whichever incident opened last. */
const LATEST_INCIDENT = { incident: 'latest', incidentId: '' } as const;

export function overviewDashboard() {
  return new DashboardBuilder('Omen overview')
    .uid(OVERVIEW_UID)
    .description('Anomalies, predicted breaches and Omen’s own health, from the omen_* metrics.')
    .tags(['omen'])
    .refresh('30s')
    .time({ from: 'now-3h', to: 'now' })
    .tooltip(DashboardCursorSync.Crosshair)
    .withRow(new RowBuilder('Now'))
    .withPanel(
      stat('Active anomalies', { expr: 'sum(omen_anomaly_active) or vector(0)' }, { warn: 1, bad: 3 }),
    )
    .withPanel(
      stat(
        'Highest breach probability',
        { expr: 'max(omen_breach_probability) or vector(0)' },
        { unit: 'percentunit', warn: 0.5, bad: 0.8 },
      ),
    )
    .withPanel(
      stat(
        'Series over threshold',
        { expr: 'count(omen_signal_value > omen_threshold) or vector(0)' },
        {
          warn: 1,
          bad: 1,
        },
      ),
    )
    .withPanel(stat('Sources down', { expr: 'count(omen_source_up == 0) or vector(0)' }, { warn: 1, bad: 1 }))
    .withRow(new RowBuilder('Where'))
    .withPanel(
      timeseries(
        'Anomaly score by service',
        [{ expr: 'max by (service) (omen_anomaly_score)', legend: '{{service}}' }],
        {
          description: 'Calibrated: 0.99 means a value this unusual appears about once in a hundred points.',
          min: 0,
          max: 1,
        },
      ),
    )
    .withPanel(
      timeseries(
        'Breach probability by service',
        [
          {
            expr: 'max by (service, horizon) (omen_breach_probability)',
            legend: '{{service}} within {{horizon}}',
          },
        ],
        { unit: 'percentunit', min: 0, max: 1 },
      ),
    )
    .withPanel(
      table(
        'Active anomalies',
        { expr: 'omen_anomaly_severity > 0' },
        'Severity 1 low, 2 medium, 3 high, 4 critical. Details in the Omen app.',
      ),
    )
    .withRow(new RowBuilder('Respond (Omen app)'))
    .withPanel(anomaliesPanel('Anomalies to respond to', { severity: '', service: '', limit: 100 }))
    .withPanel(rcaPanel('Latest open incident: likely causes', LATEST_INCIDENT))
    .withPanel(actionsPanel('Latest open incident: actions', LATEST_INCIDENT))
    .withRow(new RowBuilder('Omen itself'))
    .withPanel(
      timeseries(
        'Cycle duration',
        [
          {
            expr: 'rate(omen_cycle_duration_seconds_sum[5m]) / rate(omen_cycle_duration_seconds_count[5m])',
            legend: 'mean',
          },
        ],
        {
          unit: 's',
        },
      ),
    )
    .withPanel(
      timeseries('Series tracked and warming', [
        { expr: 'omen_series_tracked', legend: 'tracked' },
        { expr: 'sum(omen_series_warming)', legend: 'warming' },
      ]),
    );
}
