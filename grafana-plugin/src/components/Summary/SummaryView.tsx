import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, Stack, Text, useStyles2 } from '@grafana/ui';
import type { SummaryResponse } from '../../api/contract';
import { useOmenQuery } from '../../api/useOmenQuery';
import { QueryView } from '../QueryView/QueryView';
import { testIds } from '../testIds';
import { BreachList } from './BreachList';
import { HealthSection } from './HealthSection';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** GET /api/v1/summary: health, active anomalies, likely breaches, open incidents, actions and models, at a glance. */
export function SummaryView({ refreshKey }: { refreshKey?: unknown }) {
  const styles = useStyles2(getStyles);
  const state = useOmenQuery<SummaryResponse>('api/v1/summary', refreshKey);
  return (
    <QueryView state={state} what="the summary" isEmpty={() => false} empty={null}>
      {(summary) => (
        <div className={styles.grid} data-testid={testIds.summary.view}>
          <section>
            <Text variant="h4">Health</Text>
            <HealthSection health={summary.health} />
          </section>
          <section>
            <Text variant="h4">Anomalous now: {summary.anomalies.active}</Text>
            <Stack gap={1}>
              {SEVERITIES.map((severity) => (
                <Badge key={severity} text={`${severity} ${summary.anomalies.bySeverity[severity]}`} color="darkgrey" />
              ))}
            </Stack>
            <Text variant="h4">Open incidents: {summary.incidents.open}</Text>
            <Text variant="h4">
              Actions in 24 h: {summary.actions.available ? summary.actions.last24h.total : 'none configured'}
            </Text>
            <Stack gap={1} wrap="wrap">
              {summary.models.map((model) => (
                <Badge
                  key={model.model}
                  text={model.model}
                  color={model.success ? 'green' : 'red'}
                  tooltip={model.success ? 'Its last run succeeded' : 'Its last run failed'}
                />
              ))}
            </Stack>
          </section>
          <section className={styles.wide}>
            <Text variant="h4">Likeliest breaches</Text>
            {summary.breaches.length ? (
              <BreachList breaches={summary.breaches} />
            ) : (
              <Text color="secondary">No series has a breach probability yet (forecasts still warming, or none).</Text>
            )}
          </section>
        </div>
      )}
    </QueryView>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: theme.spacing(3),
    marginBottom: theme.spacing(3),
    section: { display: 'flex', flexDirection: 'column', gap: theme.spacing(1) },
  }),
  wide: css({ gridColumn: '1 / -1' }),
});
