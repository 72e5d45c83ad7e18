/**
 * The action API (DESIGN "Safety rules for actions"): GET /actions (viewer) lists the
 * catalog and, for a named target, which actions apply; POST /actions/:id/execute and
 * POST /executions/:id/approve (operator) run them through the ActionRunner, which
 * audits and counts every outcome; GET /executions/:id (viewer) reads one back.
 * Nothing secret (URLs, signing keys) is ever in a response.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { ActionError, type ActionErrorCode } from '../../actions/action-error.js';
import type { ActionCatalog } from '../../actions/catalog.js';
import type { ActionRunner, Caller } from '../../actions/runner.js';
import {
  applies,
  UnsupportedTarget,
  type ActionTarget,
  type TargetRef,
  type TargetResolver,
} from '../../actions/target.js';
import type { ActionConfig } from '../../config/actions-schema.js';
import { rankActions } from '../../models/recommend/rank-actions.js';
import type { ActionExecution } from '../../store/store.js';
import { actorOf, mayDo, requireRole } from '../auth.js';
import {
  actionsQuery,
  executeRequest,
  type ActionInfo,
  type ActionsResponse,
  type ExecutionBody,
  type ExecutionResponse,
} from '../contract.js';
import { ApiError } from '../errors.js';
import { parseBodyOrThrow, parseOrThrow } from '../validate.js';
import { actorName } from './jobs.js';

export interface ActionsDeps {
  catalog: ActionCatalog;
  runner: ActionRunner;
  targets: TargetResolver;
}

/** Printable, at most 200 characters: it is stored and shown back. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function actionsRouter(deps: ActionsDeps, writeLimit: RequestHandler): Router {
  const router = Router();

  router.get('/actions', requireRole('read'), async (request, response) => {
    const query = parseOrThrow(actionsQuery, request.query, 'query');
    const ref = targetRef(query);
    let target: ActionTarget | undefined;
    if (ref) {
      target = await deps.targets.resolve(ref).catch((error: unknown) => {
        if (error instanceof UnsupportedTarget) return undefined;
        throw error;
      });
      if (!target) throw new ApiError(404, 'not_found', `no ${ref.kind} ${ref.id}`);
    }
    // Only incidents have causes to rank by; an anomaly's actions are just applicable or not.
    const ranked =
      target?.kind === 'incident'
        ? rankActions(deps.catalog.actions, target.series, target.causes ?? [])
        : [];
    const body: ActionsResponse = {
      actions: deps.catalog.actions.map((action) => {
        const recommended = ranked.find((entry) => entry.action === action.id);
        return describe(
          action,
          target ? applies(action.appliesTo, target) : null,
          recommended ? { score: recommended.score, reason: recommended.reason } : null,
        );
      }),
    };
    response.json(body);
  });

  router.post('/actions/:id/execute', requireRole('operate'), writeLimit, async (request, response) => {
    const key = request.get('idempotency-key');
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw new ApiError(
        400,
        'invalid_parameter',
        'the Idempotency-Key header is required: 1-200 printable characters, the same for a retry of one request',
        { parameter: 'Idempotency-Key' },
      );
    }
    const body = parseBodyOrThrow(executeRequest, request.body);
    const { execution, replayed } = await answering(() =>
      deps.runner.execute({
        actionId: String(request.params.id),
        target: targetRef(body)!,
        params: body.params,
        idempotencyKey: key,
        caller: callerOf(response),
      }),
    );
    const out: ExecutionResponse = { execution: executionBody(execution), replayed };
    if (replayed) response.set('Idempotent-Replayed', 'true');
    response.status(execution.state === 'pending_approval' ? 202 : 200).json(out);
  });

  router.post('/executions/:id/approve', requireRole('operate'), writeLimit, async (request, response) => {
    const execution = await answering(() =>
      deps.runner.approve(String(request.params.id), callerOf(response)),
    );
    const out: ExecutionResponse = { execution: executionBody(execution), replayed: false };
    response.json(out);
  });

  router.get('/executions/:id', requireRole('read'), async (request, response) => {
    const execution = await deps.runner.get(String(request.params.id));
    if (!execution) throw new ApiError(404, 'not_found', `no execution ${String(request.params.id)}`);
    response.json({ execution: executionBody(execution), replayed: false });
  });
  return router;
}

function targetRef(ids: { anomalyId?: string; incidentId?: string }): TargetRef | undefined {
  if (ids.anomalyId !== undefined) return { kind: 'anomaly', id: ids.anomalyId };
  if (ids.incidentId !== undefined) return { kind: 'incident', id: ids.incidentId };
  return undefined;
}

function callerOf(response: Response): Caller {
  const actor = actorOf(response);
  return { name: actorName(actor), isAdmin: mayDo(actor, 'administer') };
}

const STATUS: Record<ActionErrorCode, number> = {
  invalid_body: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_applicable: 409,
  idempotency_conflict: 409,
};

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ActionError) {
      throw new ApiError(STATUS[error.code], error.code, error.message, error.details);
    }
    throw error;
  }
}

function describe(
  action: ActionConfig,
  applicable: boolean | null,
  recommendation: ActionInfo['recommendation'],
): ActionInfo {
  return {
    id: action.id,
    title: action.title,
    kind: action.kind,
    role: action.role,
    auto: action.auto,
    approval: action.approval,
    appliesTo: action.appliesTo,
    params: Object.entries(action.params).map(([name, spec]) => ({ name, ...spec })),
    applicable,
    recommendation,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function executionBody(execution: ActionExecution): ExecutionBody {
  return {
    id: execution.id,
    action: execution.actionId,
    target: execution.target,
    params: execution.params,
    state: execution.state,
    requestedBy: execution.requestedBy,
    requestedAt: new Date(execution.requestedAtMs).toISOString(),
    approvedBy: execution.approvedBy,
    finishedAt: iso(execution.finishedAtMs),
    result: execution.result,
    error: execution.error,
  };
}
