/** The OpenAPI 3.1 document, generated from the contract's schemas (never written by hand). */
import { z } from 'zod';
import { anomaliesQuery, anomaliesResponse, errorBody, healthResponse, signalsResponse } from './contract.js';

function jsonResponse(description: string, schema: z.ZodType) {
  return {
    description,
    content: { 'application/json': { schema: z.toJSONSchema(schema, { target: 'openapi-3.0' }) } },
  };
}

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' }) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const errors = {
  '400': jsonResponse('Invalid request; the message names the parameter', errorBody),
  '500': jsonResponse('Internal error', errorBody),
};

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omen API',
      version,
      description: 'Anomalies, signals and health of the Omen exporter. Metrics are on /metrics.',
    },
    paths: {
      '/healthz': {
        get: { summary: 'Liveness', responses: { '200': jsonResponse('Alive', healthResponse) } },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: the store is open and a source is up',
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
      '/api/v1/anomalies': {
        get: {
          summary: 'Recorded anomalies, newest first, paginated',
          parameters: queryParameters(anomaliesQuery),
          responses: { '200': jsonResponse('A page of anomalies', anomaliesResponse), ...errors },
        },
      },
    },
  };
}
