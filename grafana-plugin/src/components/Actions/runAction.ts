/**
 * The pure rules behind an action's Run button: whether this user may run it here (and why
 * not), turning what the operator typed into the typed parameters the exporter checks, the
 * Idempotency-Key of one confirmed click, and how an execution's state reads.
 */
import type { ActionInfo, ExecutionBody } from '../../api/contract';
import { OmenApiError } from '../../api/client';

export type ParamValue = string | number | boolean;
type ParamSpec = ActionInfo['params'][number];

/** Why the Run button is disabled, or undefined when it may be clicked. */
export function runBlockedReason(
  action: Pick<ActionInfo, 'role' | 'applicable'>,
  context: {
    /** Why the user may not run actions at all (roles.ts `deniedReason('execute', …)`); null when they may. */
    denied: string | null;
    incidentId: string | null;
  }
): string | undefined {
  if (context.denied !== null) {
    return context.denied;
  }
  if (action.role === 'admin') {
    // The operate route carries the operator token; an admin-only action would be refused.
    return 'This action needs the exporter’s admin role, which the app’s operate route does not carry.';
  }
  if (context.incidentId === null) {
    return 'No open incident to run it on.';
  }
  if (action.applicable === false) {
    return `It does not apply to incident ${context.incidentId}: its signals or services do not include the incident’s.`;
  }
  return undefined;
}

export type ParamsCheck =
  { ok: true; params: Record<string, ParamValue> } | { ok: false; field: string; message: string };

/**
 * The operator's inputs (text fields; booleans as "true"/"false") as typed parameters; an
 * empty optional field is left out. The exporter checks them again (durations included).
 */
export function paramValues(specs: readonly ParamSpec[], raw: Readonly<Record<string, string>>): ParamsCheck {
  const params: Record<string, ParamValue> = {};
  for (const spec of specs) {
    const text = (raw[spec.name] ?? '').trim();
    if (text === '') {
      if (spec.required) {
        return { ok: false, field: spec.name, message: `${spec.name} is required` };
      }
      continue;
    }
    if (spec.type === 'number') {
      const value = Number(text);
      if (!Number.isFinite(value)) {
        return { ok: false, field: spec.name, message: `${spec.name} must be a number` };
      }
      params[spec.name] = value;
    } else if (spec.type === 'boolean') {
      params[spec.name] = text === 'true';
    } else {
      params[spec.name] = text;
    }
  }
  return { ok: true, params };
}

/**
 * A fresh key for one confirmed click: 128 random bits in hex. getRandomValues, unlike
 * randomUUID, also works when Grafana is served over plain HTTP.
 */
export function newIdempotencyKey(fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(fill(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether sending the same request again may help: the exporter or the way to it failed
 * (network error, 5xx, 429). A refusal (4xx) would be refused again.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof OmenApiError) {
    return error.status >= 500 || error.status === 429;
  }
  return error instanceof TypeError;
}

export interface Outcome {
  word: 'succeeded' | 'failed' | 'timed out' | 'refused' | 'awaiting approval' | 'running';
  color: 'green' | 'red' | 'orange' | 'blue';
}

const OUTCOMES: Record<ExecutionBody['state'], Outcome> = {
  success: { word: 'succeeded', color: 'green' },
  failure: { word: 'failed', color: 'red' },
  timeout: { word: 'timed out', color: 'red' },
  refused: { word: 'refused', color: 'red' },
  pending_approval: { word: 'awaiting approval', color: 'orange' },
  running: { word: 'running', color: 'blue' },
};

export const executionOutcome = (execution: Pick<ExecutionBody, 'state'>): Outcome => OUTCOMES[execution.state];

/** Recommended actions first, most strongly recommended first; the rest of the catalog in its own order. */
export function splitRecommended<T extends Pick<ActionInfo, 'recommendation'>>(
  actions: readonly T[]
): { recommended: T[]; others: T[] } {
  const recommended = actions
    .filter((action) => action.recommendation !== null)
    .sort((a, b) => b.recommendation!.score - a.recommendation!.score);
  return { recommended, others: actions.filter((action) => action.recommendation === null) };
}
