/** The one map of action kinds to their executors (DESIGN: one executor per file). */
import type { ActionConfig, ActionKind } from '../config/actions-schema.js';
import { acknowledgeExecutor, type Acknowledger } from './acknowledge.js';
import { alertmanagerSilenceExecutor } from './alertmanager-silence.js';
import type { ActionExecutor } from './executor.js';
import { webhookExecutor, type WebhookDeps } from './webhook.js';

export interface ExecutorDeps {
  webhook: WebhookDeps;
  acknowledger: Acknowledger;
}

export type Executors = { [K in ActionKind]: ActionExecutor<Extract<ActionConfig, { kind: K }>> };

export function createExecutors(deps: ExecutorDeps): Executors {
  return {
    webhook: webhookExecutor(deps.webhook),
    alertmanager_silence: alertmanagerSilenceExecutor(),
    acknowledge: acknowledgeExecutor(deps.acknowledger),
  };
}

export function executorFor(executors: Executors, action: ActionConfig): ActionExecutor {
  return executors[action.kind] as ActionExecutor;
}
