/** A dashboard as the JSON file Grafana's file provisioning reads. */
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboards } from './registry.js';

export const OUTPUT_DIR = new URL('../../provisioning/grafana/dashboards/json/', import.meta.url);

export function renderDashboard(builder: Builder<Dashboard>): string {
  const dashboard = builder.build();
  // The builders leave ids unset (rows get 0); Grafana links and edits panels by id.
  dashboard.panels?.forEach((panel, index) => {
    panel.id = index + 1;
  });
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

export function renderAll(): Map<string, string> {
  return new Map(Object.entries(dashboards).map(([file, make]) => [file, renderDashboard(make())]));
}
