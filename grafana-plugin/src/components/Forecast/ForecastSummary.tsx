import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import type { ForecastResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { testIds } from '../testIds';

/** "in 4m 10s"; null means no breach is more likely than not within the longest horizon. */
export function formatTimeToBreach(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) {
    return 'none expected';
  }
  const s = Math.max(0, Math.round(seconds));
  const parts = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
    [s % 60, 's'],
  ].filter(([n]) => n !== 0);
  return parts.length
    ? `in ${parts
        .slice(0, 2)
        .map(([n, unit]) => `${n}${unit}`)
        .join(' ')}`
    : 'now';
}

/** One line above the chart: which series, which model, the threshold and when a breach is expected. */
export function ForecastSummary({ forecast }: { forecast: ForecastResponse }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.line} data-testid={testIds.forecast.summary}>
      <strong>
        {forecast.signal} · {forecast.service}
      </strong>
      <span>
        threshold {formatNumber(forecast.threshold)} ({forecast.thresholdLearned ? 'learned' : 'configured'})
      </span>
      <span>breach {formatTimeToBreach(forecast.timeToBreachSeconds)}</span>
      <span className={styles.muted}>
        {forecast.model}, {forecast.step} steps
      </span>
      {forecast.warming && (
        <Badge
          text="intervals warming up"
          color="blue"
          tooltip="The bands rest on too few out-of-sample errors yet; breach probabilities of such horizons are withheld."
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  line: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(2), minHeight: 28 }),
  muted: css({ color: theme.colors.text.secondary }),
});
