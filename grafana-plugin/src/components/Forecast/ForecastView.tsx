import React from 'react';
import type { ForecastResponse } from '../../api/contract';
import { forecastPath } from '../../api/paths';
import { useOmenQuery } from '../../api/useOmenQuery';
import { QueryView } from '../QueryView/QueryView';
import { BreachTable } from './BreachTable';
import type { TimeValue } from './chartGeometry';
import { ForecastChart } from './ForecastChart';
import { ForecastSummary } from './ForecastSummary';

interface Props {
  signal: string;
  service: string;
  /** The series' past, from the panel's query; may be empty (the chart then starts at now). */
  history: TimeValue[];
  width: number;
  height: number;
  refreshKey?: unknown;
  timeZone?: string;
}

const SUMMARY_HEIGHT = 32;
const ROW_HEIGHT = 29;
const MIN_CHART_HEIGHT = 120;

/** GET /api/v1/forecasts for one series through the read route: summary, chart and breach table. */
export function ForecastView({ signal, service, history, width, height, refreshKey, timeZone }: Props) {
  const state = useOmenQuery<ForecastResponse>(forecastPath(signal, service), refreshKey);
  return (
    <QueryView
      state={state}
      what={`the forecast of ${signal} for ${service}`}
      isEmpty={(data) => data.path.length === 0}
      empty="The exporter has a forecast for this series but no steps in its path."
      notFoundIsEmpty
    >
      {(forecast) => {
        const tableHeight = (forecast.horizons.length + 1) * ROW_HEIGHT;
        const chartHeight = Math.max(MIN_CHART_HEIGHT, height - SUMMARY_HEIGHT - tableHeight - 8);
        return (
          <>
            <ForecastSummary forecast={forecast} />
            <ForecastChart
              forecast={forecast}
              history={history}
              width={width}
              height={chartHeight}
              timeZone={timeZone}
            />
            <BreachTable horizons={forecast.horizons} />
          </>
        );
      }}
    </QueryView>
  );
}
