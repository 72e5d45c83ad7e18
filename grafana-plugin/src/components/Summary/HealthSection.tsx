import React from 'react';
import { Badge, type BadgeColor, Stack, Text } from '@grafana/ui';
import type { SummaryResponse } from '../../api/contract';
import { testIds } from '../testIds';

const STATUS_COLOR: Record<SummaryResponse['health']['status'], BadgeColor> = {
  ok: 'green',
  degraded: 'orange',
  critical: 'red',
};

/** The exporter's health score and, largest penalty first, the reasons it is not 100. */
export function HealthSection({ health }: { health: SummaryResponse['health'] }) {
  return (
    <Stack direction="column" gap={1} data-testid={testIds.summary.health}>
      <Stack alignItems="center" gap={2}>
        <Text variant="h2">{Math.round(health.score)}</Text>
        <Badge text={health.status} color={STATUS_COLOR[health.status]} />
      </Stack>
      {health.reasons.length === 0 ? (
        <Text color="secondary">Nothing is wrong: no source down, no open incident, no likely breach.</Text>
      ) : (
        <ul>
          {health.reasons.map((reason) => (
            <li key={`${reason.code}:${reason.message}`}>
              {reason.message} <Text color="secondary">(−{reason.penalty})</Text>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
