/**
 * One error shape for every API failure: `{ "error": { "code", "message", "details"? } }`
 * with the matching HTTP status. Routes throw ApiError; the handler below renders it, and
 * anything unexpected becomes a 500 without a stack trace in the response.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log/logger.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound: RequestHandler = (request) => {
  throw new ApiError(404, 'not_found', `no route for ${request.method} ${request.path}`);
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    if (error instanceof ApiError) {
      response.status(error.status).json({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
      return;
    }
    // express' own errors (body too large, bad JSON) carry a status.
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status >= 500) logger.error({ err: String(error) }, 'API request failed');
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : 'internal';
    const message = status >= 500 ? 'internal error' : String(error?.message ?? 'bad request');
    response.status(status).json({ error: { code, message } });
  };
}
