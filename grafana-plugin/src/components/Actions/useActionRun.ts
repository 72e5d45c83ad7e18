import { useCallback, useState } from 'react';
import type { ExecutionResponse } from '../../api/contract';
import { postJson } from '../../api/client';
import { executePath } from '../../api/paths';
import { isRetryable, newIdempotencyKey, type ParamValue } from './runAction';

/** One confirmed click: its key is sent again, unchanged, if the same request is retried. */
export interface RunRequest {
  key: string;
  params: Record<string, ParamValue>;
}

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; request: RunRequest }
  | { phase: 'done'; request: RunRequest; answer: ExecutionResponse }
  | { phase: 'error'; request: RunRequest; message: string; retryable: boolean };

/**
 * POST /api/v1/actions/:id/execute for one incident through the operate route. `run` is a new
 * confirmed click (a fresh Idempotency-Key); `retry` sends the failed request again with its
 * key, so an execution that did happen before the answer was lost is not run twice.
 */
export function useActionRun(actionId: string, incidentId: string) {
  const [state, setState] = useState<RunState>({ phase: 'idle' });

  const send = useCallback(
    async (request: RunRequest) => {
      setState({ phase: 'running', request });
      try {
        const answer = await postJson<ExecutionResponse>(
          executePath(actionId),
          { incidentId, params: request.params },
          'operate',
          { 'Idempotency-Key': request.key }
        );
        setState({ phase: 'done', request, answer });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setState({ phase: 'error', request, message, retryable: isRetryable(error) });
      }
    },
    [actionId, incidentId]
  );

  const run = useCallback((params: Record<string, ParamValue>) => send({ key: newIdempotencyKey(), params }), [send]);
  const retry = useCallback(() => {
    if (state.phase === 'error') {
      void send(state.request);
    }
  }, [send, state]);
  return { state, run, retry };
}
