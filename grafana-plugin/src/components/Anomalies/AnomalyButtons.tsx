import React, { useState } from 'react';
import { Button, Stack } from '@grafana/ui';
import type { AckResponse, Anomaly, FeedbackResponse } from '../../api/contract';
import { postJson } from '../../api/client';
import { anomalyPath } from '../../api/paths';
import { READ_ONLY_REASON } from '../../api/roles';
import { testIds } from '../testIds';
import type { AnomalyState } from './anomalyStates';

interface Props {
  anomaly: Anomaly;
  state?: AnomalyState;
  canOperate: boolean;
  /** Why the user may not (their role, or a missing RBAC permission); default: the Viewer's reason. */
  readOnlyReason?: string;
  /** Called after the exporter accepted a change, so the view reloads the state it shows. */
  onChanged: () => void;
}

/** Acknowledge and False positive for one anomaly, through the operate route; each call is audited by the exporter. */
export function AnomalyButtons({ anomaly, state, canOperate, readOnlyReason, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: () => Promise<AckResponse | FeedbackResponse>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const acknowledge = () => run(() => postJson<AckResponse>(anomalyPath(anomaly.id, 'ack'), {}));
  const falsePositive = () =>
    run(() => postJson<FeedbackResponse>(anomalyPath(anomaly.id, 'feedback'), { verdict: 'false_positive' }));
  const reason = canOperate ? undefined : (readOnlyReason ?? READ_ONLY_REASON);

  return (
    <Stack direction="column" gap={0.5}>
      <Stack gap={1}>
        <Button
          size="sm"
          variant="secondary"
          icon="check"
          disabled={!canOperate || busy || Boolean(state?.acknowledgedBy)}
          title={reason ?? (state?.acknowledgedBy ? `Acknowledged by ${state.acknowledgedBy}` : undefined)}
          onClick={acknowledge}
          data-testid={testIds.anomalies.ack}
        >
          Acknowledge
        </Button>
        <Button
          size="sm"
          variant="secondary"
          icon="times"
          disabled={!canOperate || busy || state?.verdict === 'false_positive'}
          title={reason ?? 'Tell Omen this was not a real problem: it raises the series’ bar for anomalies'}
          onClick={falsePositive}
          data-testid={testIds.anomalies.falsePositive}
        >
          False positive
        </Button>
      </Stack>
      {error && (
        <span role="alert" data-testid={testIds.anomalies.actionError}>
          {error}
        </span>
      )}
    </Stack>
  );
}
