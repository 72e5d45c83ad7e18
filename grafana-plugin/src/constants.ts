import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;

/** The app's pages, under PLUGIN_BASE_URL; plugin.json's `includes` lists the same paths. */
export enum ROUTES {
  Overview = 'overview',
  Anomalies = 'anomalies',
  Forecasts = 'forecasts',
  Incidents = 'incidents',
  Actions = 'actions',
  Models = 'models',
}
