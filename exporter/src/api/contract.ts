/**
 * The API's schemas: routes validate with them, the OpenAPI document is generated from
 * them, and the Grafana plugin imports their types. One file per resource under contract/.
 */
export { errorBody, type ErrorBody } from './contract/common.js';
export * from './contract/series.js';
export * from './contract/anomalies.js';
export * from './contract/models.js';
export * from './contract/ingest.js';
export * from './contract/jobs.js';
export * from './contract/incidents.js';
export * from './contract/summary.js';
export * from './contract/audit.js';
export * from './contract/actions.js';
