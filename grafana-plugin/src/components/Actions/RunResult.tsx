import React from 'react';
import { config } from '@grafana/runtime';
import { Badge, Button, LinkButton, Stack } from '@grafana/ui';
import { testIds } from '../testIds';
import { auditHref, EXECUTE_AUDIT_ACTION } from './auditLink';
import { executionOutcome } from './runAction';
import type { RunState } from './useActionRun';

/** What came of a Run: the execution's outcome and id with a link to its audit entry, or the error (with Retry when it may help). */
export function RunResult({ state, onRetry }: { state: RunState; onRetry: () => void }) {
  if (state.phase === 'idle') {
    return null;
  }
  if (state.phase === 'running') {
    return <span data-testid={testIds.actions.result}>running…</span>;
  }
  const href = auditHref(config.appSubUrl ?? '', {
    action: EXECUTE_AUDIT_ACTION,
    actor: config.bootData?.user?.login,
    key: state.request.key,
  });
  if (state.phase === 'error') {
    return (
      <Stack direction="column" gap={0.5}>
        <span role="alert" data-testid={testIds.actions.result}>
          {state.message}
        </span>
        {state.retryable && (
          <Button size="sm" variant="secondary" icon="repeat" onClick={onRetry} data-testid={testIds.actions.retry}>
            Retry (same request)
          </Button>
        )}
      </Stack>
    );
  }
  const { execution, replayed } = state.answer;
  const outcome = executionOutcome(execution);
  return (
    <Stack gap={1} alignItems="center" wrap="wrap">
      <span data-testid={testIds.actions.result} data-execution-id={execution.id} title={`execution ${execution.id}`}>
        <Badge text={outcome.word} color={outcome.color} /> execution {execution.id.slice(0, 8)}
        {replayed ? ' (already run with this key)' : ''}
        {execution.error ? `: ${execution.error}` : ''}
      </span>
      {/* A plain link (no router needed), so it also works where the panel is rendered outside the app. */}
      <LinkButton href={href} size="sm" fill="text" icon="history" data-testid={testIds.actions.auditLink}>
        audit entry
      </LinkButton>
    </Stack>
  );
}
