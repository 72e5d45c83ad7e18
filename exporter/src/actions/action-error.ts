/**
 * Why an action request was refused, by code; the API turns each code into its HTTP
 * status, so the runner stays free of HTTP.
 */
export type ActionErrorCode =
  'not_found' | 'forbidden' | 'conflict' | 'not_applicable' | 'idempotency_conflict' | 'invalid_body';

export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
