/** The OpenAPI paths that write or act: ingest, analysis jobs, audit, feedback, actions, models. */
import { z } from 'zod';
import {
  jsonResponse,
  queryParameters,
  inputSchema,
  errors,
  ingestErrors,
  writeErrors,
} from './responses.js';
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
  errorBody,
  ingestRequest,
  ingestResponse,
  jobResponse,
  modelsQuery,
  modelsResponse,
} from '../contract.js';

/** Keyed by path, in the order the document lists them. */
export function writePaths() {
  return {
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
  };
}
