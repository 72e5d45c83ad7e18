/**
 * Audits a state-changing call whose route does not audit itself (analysis, retrain): the
 * row is written once the answer is sent, with the actor, the body as parameters and the
 * outcome from the status code (`accepted`, or the error code the API answered with).
 */
import type { RequestHandler } from 'express';
import type { Auditor } from '../actions/audit.js';
import { actorOf } from './auth.js';
import { actorName } from './routes/jobs.js';

export function auditedCall(
  auditor: Auditor,
  action: string,
  target: (params: Record<string, string>) => string | null = () => null,
): RequestHandler {
  return (request, response, next) => {
    const startedMs = auditor.now();
    response.once('finish', () => {
      const status = response.statusCode;
      const result = status < 400 ? 'accepted' : (ERROR_CODES[status] ?? `http_${status}`);
      auditor
        .record({
          actor: actorName(actorOf(response)),
          action,
          target: target(request.params as Record<string, string>),
          parameters: (request.body as Record<string, unknown> | undefined) ?? {},
          result,
          startedMs,
        })
        // The answer is already sent; Auditor.record has logged the failure.
        .catch(() => undefined);
    });
    next();
  };
}

const ERROR_CODES: Record<number, string> = {
  400: 'invalid_body',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};
