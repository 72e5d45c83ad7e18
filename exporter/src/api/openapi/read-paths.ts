/** The OpenAPI paths that read: health, signals, anomalies, incidents, insights, forecasts, services. */
import { jsonResponse, queryParameters, errors, open } from './responses.js';
import {
  anomaliesQuery,
  forecastQuery,
  forecastResponse,
  servicesResponse,
  seriesValuesQuery,
  seriesValuesResponse,
  anomaliesResponse,
  errorBody,
  healthResponse,
  incidentResponse,
  incidentsQuery,
  incidentsResponse,
  rcaResponse,
  summaryResponse,
  insightsQuery,
  insightsResponse,
  signalsResponse,
} from '../contract.js';

/** Keyed by path, in the order the document lists them. */
export function readPaths() {
  return {
    '/healthz': {
      get: { summary: 'Liveness', ...open, responses: { '200': jsonResponse('Alive', healthResponse) } },
    },
    '/readyz': {
      get: {
        summary: 'Readiness: the store is open and a source is up',
        ...open,
        responses: {
          '200': jsonResponse('Ready', healthResponse),
          '503': jsonResponse('Not ready, with the failing checks', healthResponse),
        },
      },
    },
    '/api/v1/signals': {
      get: {
        summary: 'Configured signals and the current state of their series',
        responses: { '200': jsonResponse('Signals', signalsResponse), ...errors },
      },
    },
    '/api/v1/signals/{signal}/values': {
      get: {
        summary: 'One series’ recent values from the store, averaged into steps past maxPoints',
        parameters: [
          { name: 'signal', in: 'path', required: true, schema: { type: 'string', maxLength: 200 } },
          ...queryParameters(seriesValuesQuery),
        ],
        responses: {
          '200': jsonResponse('The values', seriesValuesResponse),
          ...errors,
          '404': jsonResponse('The store has never had a sample of this series', errorBody),
        },
      },
    },
    '/api/v1/anomalies': {
      get: {
        summary: 'Recorded anomalies, newest first, paginated',
        parameters: queryParameters(anomaliesQuery),
        responses: { '200': jsonResponse('A page of anomalies', anomaliesResponse), ...errors },
      },
    },
    '/api/v1/incidents': {
      get: {
        summary: 'Incidents (co-occurring anomalies grouped), newest first, paginated',
        parameters: queryParameters(incidentsQuery),
        responses: { '200': jsonResponse('A page of incidents', incidentsResponse), ...errors },
      },
    },
    '/api/v1/incidents/{id}': {
      get: {
        summary: 'One incident with its member anomalies',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': jsonResponse('The incident', incidentResponse),
          ...errors,
          '404': jsonResponse('No such incident', errorBody),
        },
      },
    },
    '/api/v1/incidents/{id}/rca': {
      get: {
        summary: 'The ranked likely causes of an incident’s symptom, with their evidence',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': jsonResponse('The latest analysis (no causes until one has run)', rcaResponse),
          ...errors,
          '404': jsonResponse('No such incident', errorBody),
        },
      },
    },
    '/api/v1/insights': {
      get: {
        summary: 'Short findings, ranked: trends, capacity, noisy series, each with its evidence',
        parameters: queryParameters(insightsQuery),
        responses: { '200': jsonResponse('The findings', insightsResponse), ...errors },
      },
    },
    '/api/v1/summary': {
      get: {
        summary: 'The overview in one call: health and its reasons, anomalies, breaches, incidents, models',
        responses: { '200': jsonResponse('The summary', summaryResponse), ...errors },
      },
    },
    '/api/v1/forecasts': {
      get: {
        summary: 'One series’ forecast path (a point and 80%/95% bounds per step) and breach outlook',
        parameters: queryParameters(forecastQuery),
        responses: {
          '200': jsonResponse('The forecast', forecastResponse),
          ...errors,
          '404': jsonResponse(
            'The series has no forecast (unknown, stale, or too little history)',
            errorBody,
          ),
        },
      },
    },
    '/api/v1/services': {
      get: {
        summary: 'Each service with two or more series, scored as a whole (isolation forest)',
        responses: { '200': jsonResponse('Services', servicesResponse), ...errors },
      },
    },
  };
}
