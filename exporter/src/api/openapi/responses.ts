/** Shared pieces of the OpenAPI document: JSON bodies, query parameters, error responses. */
import { z } from 'zod';
import { errorBody } from '../contract.js';

export function jsonResponse(description: string, schema: z.ZodType) {
  return {
    description,
    content: { 'application/json': { schema: z.toJSONSchema(schema, { target: 'openapi-3.0' }) } },
  };
}

export function queryParameters(schema: z.ZodObject) {
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

export const errors = {
  '400': jsonResponse('Invalid request; the message names the parameter', errorBody),
  '401': jsonResponse('Missing or unknown bearer token (tokens are configured)', errorBody),
  '403': jsonResponse('The token’s role does not allow this call', errorBody),
  '500': jsonResponse('Internal error', errorBody),
};

export const ingestErrors = {
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

export const writeErrors = {
  ...errors,
  '429': jsonResponse('Too many writes (actions.rateLimit, per token)', errorBody),
};

export function inputSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' });
}

/** The open endpoints opt out of the document-wide bearer requirement. */
export const open: { security: never[] } = { security: [] };
