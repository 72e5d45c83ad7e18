import React, { useState } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Field, RadioButtonGroup, Stack } from '@grafana/ui';
import type { SignalsResponse } from '../api/contract';
import { useOmenQuery } from '../api/useOmenQuery';
import { SeriesPicker, type SeriesKey } from '../components/Forecast/SeriesPicker';
import { StoredHistoryForecast } from '../components/Forecast/StoredHistoryForecast';
import { HISTORY_SPANS } from '../components/Forecast/storedHistory';
import { QueryView } from '../components/QueryView/QueryView';
import { useWidth } from '../components/useWidth';

const CHART_HEIGHT = 420;

/**
 * One series' forecast, chosen from the series the exporter reports, after its recent values
 * from the exporter's store (a page has no dashboard query to read the past from).
 */
function Forecasts() {
  const signals = useOmenQuery<SignalsResponse>('api/v1/signals');
  const [chosen, setChosen] = useState<SeriesKey | null>(null);
  const [span, setSpan] = useState('1h');
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
                <Stack gap={2}>
                  <SeriesPicker signals={data.signals} value={series} onChange={setChosen} />
                  <Field label="History" description="How far back the chart reaches">
                    <RadioButtonGroup options={HISTORY_SPANS} value={span} onChange={setSpan} />
                  </Field>
                </Stack>
                {series && <StoredHistoryForecast {...series} span={span} width={width} height={CHART_HEIGHT} />}
              </>
            );
          }}
        </QueryView>
      </div>
    </PluginPage>
  );
}

export default Forecasts;
