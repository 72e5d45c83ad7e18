/** The OpenAPI 3.1 document, generated from the contract's schemas (never written by hand). */
import { z } from 'zod';
import {
  ackRequest,
  ackResponse,
  actionsQuery,
  actionsResponse,
  auditQuery,
  auditResponse,
  executeRequest,
  executionResponse,
  feedbackRequest,
  feedbackResponse,
  analysisRequest,
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
  ingestRequest,
  ingestResponse,
  jobResponse,
  modelsQuery,
  modelsResponse,
  signalsResponse,
} from './contract.js';

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
  '401': jsonResponse('Missing or unknown bearer token (tokens are configured)', errorBody),
  '403': jsonResponse('The token’s role does not allow this call', errorBody),
  '500': jsonResponse('Internal error', errorBody),
};

const ingestErrors = {
  ...errors,
  '400': jsonResponse('Invalid batch; the message and details.field name the field', errorBody),
  '404': jsonResponse('No push source is configured', errorBody),
  '413': jsonResponse('Body larger than the push source’s maxBodyBytes', errorBody),
  '415': jsonResponse('Body is not application/json', errorBody),
  '429': {
    ...jsonResponse('Rate limit exceeded (per token, or per client address without tokens)', errorBody),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const writeErrors = {
  ...errors,
  '429': jsonResponse('Too many writes (actions.rateLimit, per token)', errorBody),
};

function inputSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' });
}

/** The open endpoints opt out of the document-wide bearer requirement. */
const open: { security: never[] } = { security: [] };

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omen API',
      version,
      description:
        'Anomalies, signals and health of the Omen exporter. Metrics are on /metrics. With tokens ' +
        'configured, /api/v1 calls need `Authorization: Bearer <token>`: viewer reads, operator also ' +
        'acts, admin also administers and may push, ingest may only push.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
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
      '/api/v1/ingest': {
        post: {
          summary: 'Push samples and error events (role ingest or admin); answered only after COMMIT',
          description:
            'Samples go to the store as they are; error events become the push source’s per-service ' +
            'error-rate signal (events per second over its window). Timestamps more than 5 minutes ' +
            'ahead, or older than the raw retention, are refused. The whole batch is refused or accepted.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(ingestRequest, { io: 'input', target: 'openapi-3.0' }),
              },
            },
          },
          responses: { '200': jsonResponse('The batch is committed', ingestResponse), ...ingestErrors },
        },
      },
      '/api/v1/analysis': {
        post: {
          summary: 'Run an analysis cycle now (role admin); 202 with a job to poll',
          description:
            'Collects every source, scores every series and reports on one service or all. While an ' +
            'analysis of the same scope runs, the request joins it (`coalesced: true`).',
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: z.toJSONSchema(analysisRequest, { io: 'input', target: 'openapi-3.0' }),
              },
            },
          },
          responses: {
            '202': {
              ...jsonResponse('The job, running or joined', jobResponse),
              headers: { Location: { description: 'The job’s URL', schema: { type: 'string' } } },
            },
            ...errors,
            '404': jsonResponse('Omen tracks no series of that service', errorBody),
          },
        },
      },
      '/api/v1/jobs/{id}': {
        get: {
          summary: 'A job’s state and, once finished, its result or error',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The job', jobResponse.pick({ job: true })),
            ...errors,
            '404': jsonResponse('No such job (finished jobs are kept for a while only)', errorBody),
          },
        },
      },
      '/api/v1/audit': {
        get: {
          summary: 'The audit trail of state-changing calls, newest first, paginated (never pruned)',
          parameters: queryParameters(auditQuery),
          responses: { '200': jsonResponse('A page of audit rows', auditResponse), ...errors },
        },
      },
      '/api/v1/anomalies/{id}/ack': {
        post: {
          summary: 'Acknowledge an anomaly (role operator); the first acknowledgement stands; audited',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: inputSchema(ackRequest) } },
          },
          responses: {
            '200': jsonResponse('The acknowledgement', ackResponse),
            ...writeErrors,
            '404': jsonResponse('No such anomaly', errorBody),
          },
        },
      },
      '/api/v1/anomalies/{id}/feedback': {
        post: {
          summary: 'Judge an anomaly true or false positive (role operator); audited',
          description:
            'Counted in omen_feedback_total and omen_model_feedback_precision. A false positive raises ' +
            'the series’ activation bar by the rule in README (“The false-positive rule”).',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(feedbackRequest) } },
          },
          responses: {
            '200': jsonResponse('The verdict and the series’ new activation bar', feedbackResponse),
            ...writeErrors,
            '404': jsonResponse('No such anomaly', errorBody),
          },
        },
      },
      '/api/v1/actions': {
        get: {
          summary: 'The action catalog (no URLs or secrets) and which actions apply to a target',
          parameters: queryParameters(actionsQuery),
          responses: {
            '200': jsonResponse('The actions', actionsResponse),
            ...errors,
            '404': jsonResponse('No such target', errorBody),
          },
        },
      },
      '/api/v1/actions/{id}/execute': {
        post: {
          summary: 'Execute an action on an anomaly or incident (role operator, or admin if the action says)',
          description:
            'Needs an Idempotency-Key header: a repeat of the key within actions.idempotencyWindow, ' +
            'concurrent or later, runs nothing and returns the first execution (`replayed: true`). ' +
            'Runs within the action’s time limit; audited and counted whatever the outcome.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: { type: 'string', maxLength: 200 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(executeRequest) } },
          },
          responses: {
            '200': jsonResponse('The execution, finished (success, failure or timeout)', executionResponse),
            '202': jsonResponse('The execution, waiting for a second operator’s approval', executionResponse),
            ...writeErrors,
            '404': jsonResponse('No such action or target', errorBody),
            '409': jsonResponse(
              'Not applicable to the target, or the key was used for another request',
              errorBody,
            ),
          },
        },
      },
      '/api/v1/executions/{id}/approve': {
        post: {
          summary: 'Approve a pending execution (role operator; not the one who asked) and run it',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The execution, finished', executionResponse),
            ...writeErrors,
            '404': jsonResponse('No such execution', errorBody),
            '409': jsonResponse('Not waiting for approval', errorBody),
          },
        },
      },
      '/api/v1/executions/{id}': {
        get: {
          summary: 'One execution and its result',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The execution', executionResponse),
            ...errors,
            '404': jsonResponse('No such execution', errorBody),
          },
        },
      },
      '/api/v1/models': {
        get: {
          summary: 'The model catalog: each trained model instance, its quality and latest history',
          parameters: queryParameters(modelsQuery),
          responses: { '200': jsonResponse('A page of models', modelsResponse), ...errors },
        },
      },
      '/api/v1/models/{id}/retrain': {
        post: {
          summary: 'Refit one model instance now (role admin); 202 with a job to poll',
          description:
            'Recorded in the training history with who asked; the refit goes before every scheduled ' +
            'one. While a retrain of the same id runs, the request joins it (`coalesced: true`).',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '202': {
              ...jsonResponse('The job, running or joined', jobResponse),
              headers: { Location: { description: 'The job’s URL', schema: { type: 'string' } } },
            },
            ...errors,
            '404': jsonResponse('No model has that id', errorBody),
          },
        },
      },
    },
  };
}
