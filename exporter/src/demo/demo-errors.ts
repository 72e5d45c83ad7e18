/**
 * The demo's one error shape, the same as Omen's API: `{ "error": { "code", "message",
 * "details"? } }`. Bad input gets a 4xx naming what was wrong; nothing, not even an
 * unexpected failure, sends a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log/logger.js';

export class DemoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DemoHttpError';
  }
}

export const routeNotFound: RequestHandler = (request) => {
  throw new DemoHttpError(404, 'not_found', `no route for ${request.method} ${request.path}; see GET /`);
};

export function demoErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    if (error instanceof DemoHttpError) {
      const { status, code, message, details } = error;
      response.status(status).json({ error: { code, message, ...(details ? { details } : {}) } });
      return;
    }
    // body-parser's errors (malformed JSON, body too large) carry their status.
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (status >= 500) logger.error({ err: String(error) }, 'demo request failed');
    const [code, message] =
      status === 413
        ? ['payload_too_large', 'request body too large']
        : status === 400
          ? ['bad_request', 'request body is not valid JSON']
          : status >= 500
            ? ['internal', 'internal error']
            : ['bad_request', 'bad request'];
    response.status(status).json({ error: { code, message } });
  };
}
