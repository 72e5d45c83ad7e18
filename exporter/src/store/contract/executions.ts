/**
 * Action executions (DESIGN "Safety rules for actions").
 */
export type ExecutionState = 'pending_approval' | 'running' | 'success' | 'failure' | 'timeout' | 'refused';

export interface ActionExecution {
  id: string;
  actionId: string;
  idempotencyKey: string;
  target: { kind: 'anomaly' | 'incident'; id: string };
  params: Record<string, unknown>;
  requestedBy: string;
  requestedAtMs: number;
  state: ExecutionState;
  approvedBy: string | null;
  finishedAtMs: number | null;
  /** What the executor reported (status codes, silence ids); never a secret. */
  result: unknown;
  error: string | null;
}

export type ExecutionChange = Pick<ActionExecution, 'state'> &
  Partial<Pick<ActionExecution, 'approvedBy' | 'finishedAtMs' | 'result' | 'error'>>;

export interface ExecutionStore {
  /**
   * Records `execution` unless one with the same action and idempotency key was requested
   * at or after `sinceMs`: then that one is returned, `created: false`. Atomic, so two
   * concurrent requests with one key make one execution.
   */
  claimExecution(
    execution: ActionExecution,
    sinceMs: number,
  ): Promise<{ execution: ActionExecution; created: boolean }>;
  /** Moves an execution from state `from`; false (and no change) when it was no longer in `from`. */
  transitionExecution(id: string, from: ExecutionState, change: ExecutionChange): Promise<boolean>;
  getExecution(id: string): Promise<ActionExecution | undefined>;
  /** Executions requested since `sinceMs` by state, and `refused`: execute calls refused since then. */
  countExecutionsSince(sinceMs: number): Promise<Record<string, number>>;
}
