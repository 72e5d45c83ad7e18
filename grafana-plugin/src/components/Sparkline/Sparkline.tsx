import React from 'react';
import { useTheme2 } from '@grafana/ui';
import type { SeriesValuesResponse } from '../../api/contract';
import { seriesValuesSincePath } from '../../api/paths';
import { useOmenQuery } from '../../api/useOmenQuery';
import { historyFromValues } from '../Forecast/storedHistory';
import { testIds } from '../testIds';
import { sparklinePath } from './sparkline';

const SIZE = { width: 96, height: 24 };
const MAX_POINTS = 60;

interface Props {
  signal: string;
  service: string;
  /** Unix ms; the line runs from here to now. */
  fromMs: number;
  refreshKey?: unknown;
}

/** A small line of one series' stored values; a dash (with the reason on hover) when there is none to draw. */
export function CauseSparkline({ signal, service, fromMs, refreshKey }: Props) {
  const theme = useTheme2();
  const state = useOmenQuery<SeriesValuesResponse>(
    seriesValuesSincePath(signal, service, fromMs, MAX_POINTS),
    refreshKey
  );
  if (state.status !== 'done') {
    return <span title={state.status === 'error' ? state.error.message : 'Loading…'}>–</span>;
  }
  const d = sparklinePath(historyFromValues(state.data), SIZE.width, SIZE.height);
  if (!d) {
    return <span title="Fewer than two stored values since the incident began">–</span>;
  }
  const title = `${signal} · ${service} from ${state.data.from} (${state.data.points.length} points)`;
  return (
    <svg {...SIZE} role="img" aria-label={title} data-testid={testIds.rca.sparkline}>
      <title>{title}</title>
      <path d={d} fill="none" stroke={theme.colors.primary.main} strokeWidth={1.5} />
    </svg>
  );
}
