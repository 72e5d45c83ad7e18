import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { ForecastResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { testIds } from '../testIds';
import { chartGeometry, type ChartBox, type ForecastStep, type TimeValue } from './chartGeometry';

interface Props {
  forecast: ForecastResponse;
  history: TimeValue[];
  width: number;
  height: number;
  timeZone?: string;
}

const MARGIN = { top: 8, right: 12, bottom: 22, left: 56 };

/** The API sends a missing bound as null (JSON has no NaN) although its type says number. */
const orNull = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function forecastSteps(forecast: ForecastResponse): ForecastStep[] {
  return forecast.path.map((step) => ({
    t: Date.parse(step.time),
    point: orNull(step.point),
    lower80: orNull(step.lower_80),
    upper80: orNull(step.upper_80),
    lower95: orNull(step.lower_95),
    upper95: orNull(step.upper_95),
  }));
}

/** History, the forecast path inside its 95% and 80% bands, and the threshold, in plain SVG. */
export function ForecastChart({ forecast, history, width, height, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const box: ChartBox = { width, height, margin: MARGIN };
  const geometry = chartGeometry(history, forecastSteps(forecast), forecast.threshold, box);
  if (!geometry) {
    return null;
  }
  const color = theme.visualization.getColorByName('blue');
  const red = theme.visualization.getColorByName('red');
  return (
    <svg width={width} height={height} className={styles.svg} data-testid={testIds.forecast.chart} role="img">
      <title>{`Forecast of ${forecast.signal} for ${forecast.service}`}</title>
      {geometry.yTicks.map((tick) => (
        <g key={`y${tick.value}`}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={tick.at} y2={tick.at} className={styles.grid} />
          <text x={MARGIN.left - 6} y={tick.at} textAnchor="end" dominantBaseline="middle" className={styles.label}>
            {formatNumber(tick.value)}
          </text>
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <text key={`x${tick.value}`} x={tick.at} y={height - 6} textAnchor="middle" className={styles.label}>
          {dateTimeFormat(tick.value, { format: 'HH:mm:ss', timeZone })}
        </text>
      ))}
      <path d={geometry.band95} fill={color} fillOpacity={0.15} data-testid={testIds.forecast.band95} />
      <path d={geometry.band80} fill={color} fillOpacity={0.3} data-testid={testIds.forecast.band80} />
      {geometry.nowX !== null && (
        <line
          x1={geometry.nowX}
          x2={geometry.nowX}
          y1={MARGIN.top}
          y2={height - MARGIN.bottom}
          className={styles.now}
          data-testid={testIds.forecast.now}
        />
      )}
      <path
        d={geometry.history}
        fill="none"
        stroke={theme.colors.text.primary}
        strokeWidth={1.5}
        data-testid={testIds.forecast.history}
      />
      <path
        d={geometry.point}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeDasharray="6 3"
        data-testid={testIds.forecast.point}
      />
      {geometry.thresholdY !== null && (
        <line
          x1={MARGIN.left}
          x2={width - MARGIN.right}
          y1={geometry.thresholdY}
          y2={geometry.thresholdY}
          stroke={red}
          strokeWidth={1.5}
          strokeDasharray="4 4"
          data-testid={testIds.forecast.threshold}
        >
          <title>{`Threshold ${formatNumber(forecast.threshold)}${forecast.thresholdLearned ? ' (learned)' : ''}`}</title>
        </line>
      )}
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block', overflow: 'visible' }),
  grid: css({ stroke: theme.colors.border.weak, strokeWidth: 1 }),
  now: css({ stroke: theme.colors.border.strong, strokeWidth: 1, strokeDasharray: '2 2' }),
  label: css({ fill: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
