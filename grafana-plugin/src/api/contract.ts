/**
 * The exporter's JSON API types, taken from its one contract file (exporter/src/api/contract.ts)
 * so the plugin and the exporter cannot drift apart. Types only: nothing of the exporter is
 * bundled into the plugin.
 */
export type {
  AckResponse,
  AnomaliesResponse,
  Anomaly,
  AuditResponse,
  ActionInfo,
  ActionsResponse,
  ExecuteRequest,
  ExecutionBody,
  ExecutionResponse,
  FeedbackResponse,
  IncidentResponse,
  IncidentsResponse,
  ModelsResponse,
  RcaResponse,
  ErrorBody,
  ForecastResponse,
  SeriesValuesResponse,
  SignalsResponse,
  SummaryResponse,
} from '../../../exporter/src/api/contract';
