/**
 * Runs actions under DESIGN's safety rules: authorised (the action's role), idempotent
 * (one execution per action and Idempotency-Key inside the window, however many requests
 * race), time-limited (the executor is abandoned at the limit even if it ignores its
 * signal), audited (every outcome, refusals included) and counted
 * (`omen_action_executions_total{action,result}`). Actions that need approval wait in
 * `pending_approval` until a second, different operator approves.
 */
import { randomUUID } from 'node:crypto';
import type { Counter } from 'prom-client';
import type { ActionConfig } from '../config/actions-schema.js';
import type { ActionExecution, ExecutionState, ExecutionStore } from '../store/store.js';
import { ActionError } from './action-error.js';
import type { Auditor } from './audit.js';
import type { ActionCatalog } from './catalog.js';
import { ExecutionFailed, type ParamValue } from './executor.js';
import { executorFor, type Executors } from './registry.js';
import {
  applies,
  UnsupportedTarget,
  type ActionTarget,
  type TargetRef,
  type TargetResolver,
} from './target.js';

/** Who calls: their audit name, and whether their role may run admin-only actions. */
export interface Caller {
  name: string;
  isAdmin: boolean;
}

export interface RunnerDeps {
  catalog: ActionCatalog;
  executors: Executors;
  targets: TargetResolver;
  store: ExecutionStore;
  auditor: Auditor;
  executions: Counter<string>;
  idempotencyWindowMs: number;
  clock?: () => number;
  newId?: () => string;
}

export interface ExecuteRequest {
  actionId: string;
  target: TargetRef;
  params: Record<string, ParamValue>;
  idempotencyKey: string;
  caller: Caller;
}

class TimedOut extends Error {
  constructor(ms: number) {
    super(`the action did not finish within its time limit (${ms} ms)`);
  }
}

export class ActionRunner {
  private readonly inFlight = new Map<string, Promise<ActionExecution>>();
  private readonly clock: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: RunnerDeps) {
    this.clock = deps.clock ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    for (const action of deps.catalog.actions) {
      for (const result of ['success', 'failure', 'timeout', 'refused', 'pending_approval']) {
        deps.executions.inc({ action: action.id, result }, 0);
      }
    }
  }

  async execute(request: ExecuteRequest): Promise<{ execution: ActionExecution; replayed: boolean }> {
    const audit = {
      actor: request.caller.name,
      action: 'action.execute',
      target: `${request.target.kind}:${request.target.id}`,
      parameters: {
        action: request.actionId,
        params: request.params,
        idempotencyKey: request.idempotencyKey,
      },
    };
    return this.deps.auditor.around<{ execution: ActionExecution; replayed: boolean }>(audit, async () => {
      const action = this.deps.catalog.get(request.actionId);
      if (!action) throw new ActionError('not_found', `no action "${request.actionId}" is configured`);
      const target = await this.refusing(action, () => this.admit(action, request));
      const { execution, created } = await this.deps.store.claimExecution(
        this.newExecution(action, request),
        this.clock() - this.deps.idempotencyWindowMs,
      );
      if (!created)
        return {
          result: 'replayed',
          value: { execution: await this.replay(execution, request), replayed: true },
        };
      if (execution.state === 'pending_approval') {
        this.deps.executions.inc({ action: action.id, result: 'pending_approval' });
        return { result: 'pending_approval', value: { execution, replayed: false } };
      }
      const finished = await this.track(execution.id, () => this.run(action, execution, target));
      return { result: finished.state, value: { execution: finished, replayed: false } };
    });
  }

  async approve(executionId: string, caller: Caller): Promise<ActionExecution> {
    const audit = {
      actor: caller.name,
      action: 'execution.approve',
      target: `execution:${executionId}`,
      parameters: {},
    };
    return this.deps.auditor.around(audit, async () => {
      const execution = await this.deps.store.getExecution(executionId);
      if (!execution) throw new ActionError('not_found', `no execution ${executionId}`);
      const action = this.deps.catalog.get(execution.actionId);
      if (!action)
        throw new ActionError('conflict', `action "${execution.actionId}" is no longer configured`);
      if (execution.state !== 'pending_approval') {
        throw new ActionError(
          'conflict',
          `execution ${executionId} is ${execution.state}, not waiting for approval`,
        );
      }
      if (caller.name === execution.requestedBy) {
        throw new ActionError(
          'forbidden',
          'an execution must be approved by a different operator than the one who asked for it',
        );
      }
      if (action.role === 'admin' && !caller.isAdmin) {
        throw new ActionError('forbidden', `action ${action.id} needs the admin role`);
      }
      const started = await this.deps.store.transitionExecution(executionId, 'pending_approval', {
        state: 'running',
        approvedBy: caller.name,
      });
      if (!started)
        throw new ActionError('conflict', `execution ${executionId} was approved by someone else meanwhile`);
      const running = { ...execution, state: 'running' as const, approvedBy: caller.name };
      const finished = await this.track(executionId, async () => {
        const target = await this.deps.targets.resolve(execution.target).catch(() => undefined);
        if (!target)
          return this.finish(action, running, 'failure', null, `the ${execution.target.kind} is gone`);
        return this.run(action, running, target);
      });
      return { result: finished.state, value: finished };
    });
  }

  get(id: string): Promise<ActionExecution | undefined> {
    return this.deps.store.getExecution(id);
  }

  /** Waits for executions in flight (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Checks that do not depend on idempotency: role, target, scope, params. */
  private async admit(action: ActionConfig, request: ExecuteRequest): Promise<ActionTarget> {
    if (action.role === 'admin' && !request.caller.isAdmin) {
      throw new ActionError('forbidden', `action ${action.id} needs the admin role`);
    }
    let target: ActionTarget | undefined;
    try {
      target = await this.deps.targets.resolve(request.target);
    } catch (error) {
      if (error instanceof UnsupportedTarget) throw new ActionError('not_found', error.message);
      throw error;
    }
    if (!target) throw new ActionError('not_found', `no ${request.target.kind} ${request.target.id}`);
    if (!applies(action.appliesTo, target)) {
      throw new ActionError(
        'not_applicable',
        `action ${action.id} does not apply to ${request.target.kind} ${request.target.id}`,
      );
    }
    const checked = this.deps.catalog.checkParams(action, request.params);
    const problem = checked.ok
      ? executorFor(this.deps.executors, action).check?.(action, checked.params)
      : checked.message;
    if (problem !== undefined) {
      const field = checked.ok ? problem.split(':')[0]! : checked.field;
      throw new ActionError('invalid_body', problem, { field });
    }
    return target;
  }

  /** A refusal of a known action is counted as `refused` before it is answered. */
  private async refusing<T>(action: ActionConfig, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ActionError) this.deps.executions.inc({ action: action.id, result: 'refused' });
      throw error;
    }
  }

  private newExecution(action: ActionConfig, request: ExecuteRequest): ActionExecution {
    return {
      id: this.newId(),
      actionId: action.id,
      idempotencyKey: request.idempotencyKey,
      target: request.target,
      params: request.params,
      requestedBy: request.caller.name,
      requestedAtMs: this.clock(),
      state: action.approval ? 'pending_approval' : 'running',
      approvedBy: null,
      finishedAtMs: null,
      result: null,
      error: null,
    };
  }

  /** The first execution with this key: finished, or awaited while it runs in this process. */
  private async replay(execution: ActionExecution, request: ExecuteRequest): Promise<ActionExecution> {
    const same =
      execution.target.kind === request.target.kind &&
      execution.target.id === request.target.id &&
      JSON.stringify(execution.params) === JSON.stringify(request.params);
    if (!same) {
      throw new ActionError(
        'idempotency_conflict',
        'this Idempotency-Key was used for a different request; use a new key',
      );
    }
    return (
      (await this.inFlight.get(execution.id)) ??
      (await this.deps.store.getExecution(execution.id)) ??
      execution
    );
  }

  private track(id: string, work: () => Promise<ActionExecution>): Promise<ActionExecution> {
    const running = work().finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, running);
    return running;
  }

  private async run(
    action: ActionConfig,
    execution: ActionExecution,
    target: ActionTarget,
  ): Promise<ActionExecution> {
    const limitMs = this.deps.catalog.timeoutMs(action);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const reason = new TimedOut(limitMs);
        controller.abort(reason);
        reject(reason);
      }, limitMs);
    });
    try {
      const result = await Promise.race([
        executorFor(this.deps.executors, action).execute(action, {
          executionId: execution.id,
          target,
          params: execution.params as Record<string, ParamValue>,
          actor: execution.requestedBy,
          signal: controller.signal,
          nowMs: this.clock(),
        }),
        deadline,
      ]);
      return await this.finish(action, execution, 'success', result, null);
    } catch (error) {
      if (controller.signal.aborted)
        return this.finish(action, execution, 'timeout', null, (controller.signal.reason as Error).message);
      const details = error instanceof ExecutionFailed ? error.details : null;
      return this.finish(action, execution, 'failure', details, (error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  private async finish(
    action: ActionConfig,
    execution: ActionExecution,
    state: Extract<ExecutionState, 'success' | 'failure' | 'timeout'>,
    result: unknown,
    error: string | null,
  ): Promise<ActionExecution> {
    const finishedAtMs = this.clock();
    await this.deps.store.transitionExecution(execution.id, 'running', {
      state,
      finishedAtMs,
      result,
      error,
    });
    this.deps.executions.inc({ action: action.id, result: state });
    return { ...execution, state, finishedAtMs, result, error };
  }
}
