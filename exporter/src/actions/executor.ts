/**
 * What every kind of action implements. An executor does one side effect for one
 * execution, within `signal` (the execution's time limit), and reports what happened in
 * a JSON-safe result that the API returns and the audit keeps — never a secret.
 */
import type { ActionConfig } from '../config/actions-schema.js';
import type { ActionTarget } from './target.js';

export type ParamValue = string | number | boolean;

export interface ExecutionContext {
  executionId: string;
  target: ActionTarget;
  params: Readonly<Record<string, ParamValue>>;
  /** Who asked (the Grafana user, else the token id): a silence's createdBy, a webhook's {{actor}}. */
  actor: string;
  signal: AbortSignal;
  nowMs: number;
}

export interface ActionExecutor<A extends ActionConfig = ActionConfig> {
  /** A problem with the request's params that the kind itself knows of (400), or undefined. */
  check?(action: A, params: Readonly<Record<string, ParamValue>>): string | undefined;
  execute(action: A, context: ExecutionContext): Promise<Record<string, unknown>>;
}

/** The side effect failed; `details` (status codes, attempts) go into the execution's result. */
export class ExecutionFailed extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExecutionFailed';
  }
}

/** Waits `ms`, or less if `signal` aborts first (then it rejects with the abort reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
