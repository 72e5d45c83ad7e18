import React from 'react';
import { Alert } from '@grafana/ui';
import type { SeriesValuesResponse } from '../../api/contract';
import { seriesValuesPath } from '../../api/paths';
import { useOmenQuery } from '../../api/useOmenQuery';
import { testIds } from '../testIds';
import { ForecastView } from './ForecastView';
import { describeHistory, historyFromValues } from './storedHistory';

interface Props {
  signal: string;
  service: string;
  /** How far back the history reaches, as a duration (`1h`). */
  span: string;
  width: number;
  height: number;
}

const CAPTION_HEIGHT = 24;

/**
 * A series' forecast after its stored history, both through the read route, read again when
 * the series or the span changes. A failed history read is said above the chart, which still
 * shows the forecast from now.
 */
export function StoredHistoryForecast({ signal, service, span, width, height }: Props) {
  const history = useOmenQuery<SeriesValuesResponse>(seriesValuesPath(signal, service, span));
  return (
    <>
      <div data-testid={testIds.forecast.historyInfo} style={{ height: CAPTION_HEIGHT }}>
        {history.status === 'loading' && 'Loading the series’ history…'}
        {history.status === 'done' && describeHistory(history.data)}
      </div>
      {history.status === 'error' && (
        <Alert severity="warning" title="Cannot load the series’ history; the chart starts at now">
          {history.error.message}
        </Alert>
      )}
      <ForecastView
        signal={signal}
        service={service}
        history={history.status === 'done' ? historyFromValues(history.data) : []}
        width={width}
        height={height - CAPTION_HEIGHT}
      />
    </>
  );
}
