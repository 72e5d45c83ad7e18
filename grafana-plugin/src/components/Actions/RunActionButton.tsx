import React, { useState } from 'react';
import { Button, ConfirmModal, Stack } from '@grafana/ui';
import type { ActionInfo } from '../../api/contract';
import type { Incident } from '../Incidents/IncidentTarget';
import { testIds } from '../testIds';
import { ActionParamsFields } from './ActionParamsFields';
import { RunResult } from './RunResult';
import { paramValues, runBlockedReason, type ParamsCheck } from './runAction';
import { useActionRun } from './useActionRun';

interface Props {
  action: ActionInfo;
  incident: Incident | null;
  /** Why this user may not run actions at all; null when they may. */
  denied: string | null;
}

/**
 * Run, for one action on one incident: disabled with the reason when it may not run here;
 * otherwise a confirm dialog naming the action and its target (with the action's parameters)
 * before anything is sent.
 */
export function RunActionButton({ action, incident, denied }: Props) {
  const reason = runBlockedReason(action, { denied, incidentId: incident?.id ?? null });
  const { state, run, retry } = useActionRun(action.id, incident?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const checked: ParamsCheck = paramValues(action.params, values);
  const target = incident ? `incident ${incident.id} (${incident.symptom.signal} · ${incident.symptom.service})` : '';

  const confirm = () => {
    if (checked.ok) {
      setConfirming(false);
      void run(checked.params);
    }
  };

  return (
    <Stack direction="column" gap={0.5}>
      <Stack gap={1} alignItems="center">
        <Button
          size="sm"
          icon="play"
          disabled={reason !== undefined || state.phase === 'running'}
          title={reason ?? `Run ${action.title} on ${target}`}
          onClick={() => setConfirming(true)}
          data-testid={testIds.actions.run}
        >
          Run
        </Button>
        {/* The permission reason is the view's banner; the others differ from row to row. */}
        {reason && reason !== denied && (
          <small data-testid={testIds.actions.runReason} style={{ opacity: 0.8 }}>
            {reason}
          </small>
        )}
      </Stack>
      <RunResult state={state} onRetry={retry} />
      <ConfirmModal
        isOpen={confirming}
        title={`Run “${action.title}”?`}
        body={
          <Stack direction="column" gap={1}>
            <span>
              Run the {action.kind} action <strong>{action.title}</strong> ({action.id}) on <strong>{target}</strong>
              {action.approval ? '; it will wait for a second operator’s approval' : ''}.
            </span>
            {action.params.length > 0 && (
              <ActionParamsFields
                params={action.params}
                values={values}
                onChange={setValues}
                problem={checked.ok ? undefined : checked}
              />
            )}
          </Stack>
        }
        confirmText="Run"
        disabled={!checked.ok}
        onConfirm={confirm}
        onDismiss={() => setConfirming(false)}
      />
    </Stack>
  );
}
