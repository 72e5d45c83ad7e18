/**
 * The Omen app's own panels (grafana-plugin/src/panels/*), for the provisioned dashboards:
 * their ids and the options each panel reads, typed here because the foundation SDK knows
 * only Grafana's core panels. They fetch from the exporter through the app's proxy routes;
 * only the forecast panel reads a query (the series' past, from Prometheus).
 */
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PROMETHEUS, target, type Query } from './panels.js';

/** Panel ids, as each panel's plugin.json declares them. */
export const APP_PANELS = {
  forecast: 'omen-forecast-panel',
  anomalies: 'omen-anomalies-panel',
  rca: 'omen-rca-panel',
  actions: 'omen-actions-panel',
} as const;

/** `$variables` allowed in both; empty: the labels of the panel's query. */
export interface ForecastPanelOptions {
  signal: string;
  service: string;
}

export interface AnomaliesPanelOptions {
  /** This severity or worse; empty: all. */
  severity: '' | 'low' | 'medium' | 'high' | 'critical';
  /** `$variables` allowed; empty: every service. */
  service: string;
  limit: number;
}

/** The RCA and actions panels: the newest open incident, or one by id. */
export interface IncidentPanelOptions {
  incident: 'latest' | 'id';
  incidentId: string;
}

function appPanel(type: string, title: string, description: string) {
  return new PanelBuilder().type(type).title(title).description(description);
}

export function forecastPanel(title: string, options: ForecastPanelOptions, history: Query) {
  return appPanel(
    APP_PANELS.forecast,
    title,
    'The past from Prometheus, then Omen’s forecast path with its 80%/95% bands, the threshold and P(breach) per horizon.',
  )
    .datasource(PROMETHEUS)
    .withTarget(target(history, 0))
    .options(options)
    .height(12)
    .span(24);
}

export function anomaliesPanel(title: string, options: AnomaliesPanelOptions) {
  return appPanel(
    APP_PANELS.anomalies,
    title,
    'Worst first. Editors acknowledge or mark false positives here; each click is audited by the exporter.',
  )
    .options(options)
    .height(10)
    .span(24);
}

export function rcaPanel(title: string, options: IncidentPanelOptions) {
  return appPanel(APP_PANELS.rca, title, 'The incident’s likely causes, ranked, with the evidence for each.')
    .options(options)
    .height(10)
    .span(12);
}

export function actionsPanel(title: string, options: IncidentPanelOptions) {
  return appPanel(
    APP_PANELS.actions,
    title,
    'Actions recommended for the incident, and the rest of the catalog; running one asks to confirm and is audited.',
  )
    .options(options)
    .height(10)
    .span(12);
}
