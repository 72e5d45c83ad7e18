import React, { useState } from 'react';
import { PluginPage } from '@grafana/runtime';
import type { SignalsResponse } from '../api/contract';
import { useOmenQuery } from '../api/useOmenQuery';
import { ForecastView } from '../components/Forecast/ForecastView';
import { SeriesPicker, type SeriesKey } from '../components/Forecast/SeriesPicker';
import { QueryView } from '../components/QueryView/QueryView';
import { useWidth } from '../components/useWidth';

const CHART_HEIGHT = 420;

/**
 * One series' forecast, chosen from the series the exporter reports. A page has no dashboard
 * query, so the chart starts at now; the forecast panel on a dashboard adds the history from
 * Prometheus.
 */
function Forecasts() {
  const signals = useOmenQuery<SignalsResponse>('api/v1/signals');
  const [chosen, setChosen] = useState<SeriesKey | null>(null);
  const { ref, width } = useWidth<HTMLDivElement>();
  return (
    <PluginPage>
      <div ref={ref}>
        <QueryView
          state={signals}
          what="series"
          isEmpty={(data) => data.signals.every((signal) => signal.series.length === 0)}
          empty="Omen has no series yet: its sources have not delivered a sample since it started."
        >
          {(data) => {
            const first = data.signals.find((signal) => signal.series.length > 0);
            const series = chosen ?? (first ? { signal: first.name, service: first.series[0]!.service } : null);
            return (
              <>
                <SeriesPicker signals={data.signals} value={series} onChange={setChosen} />
                {series && <ForecastView {...series} history={[]} width={width} height={CHART_HEIGHT} />}
              </>
            );
          }}
        </QueryView>
      </div>
    </PluginPage>
  );
}

export default Forecasts;
