import React from 'react';
import { Badge, Stack } from '@grafana/ui';
import { testIds } from '../testIds';
import type { AnomalyState } from './anomalyStates';

/** Who acknowledged the anomaly and the verdict in force, as the audit trail records them. */
export function AnomalyStateBadges({ state }: { state?: AnomalyState }) {
  return (
    <Stack gap={0.5} wrap="wrap" data-testid={testIds.anomalies.state}>
      {state?.acknowledgedBy ? (
        <Badge color="green" icon="check" text={`acknowledged by ${state.acknowledgedBy}`} />
      ) : (
        <Badge color="orange" text="open" />
      )}
      {state?.verdict === 'false_positive' && <Badge color="purple" text={`false positive (${state.verdictBy})`} />}
      {state?.verdict === 'true_positive' && <Badge color="red" text={`confirmed (${state.verdictBy})`} />}
    </Stack>
  );
}
