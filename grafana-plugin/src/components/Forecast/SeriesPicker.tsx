import React from 'react';
import { Combobox, Field } from '@grafana/ui';
import type { SignalsResponse } from '../../api/contract';

export interface SeriesKey {
  signal: string;
  service: string;
}

const keyOf = (series: SeriesKey) => `${series.signal}/${series.service}`;

/** Choose one of the series the exporter reports (GET /api/v1/signals), by "signal/service". */
export function SeriesPicker({
  signals,
  value,
  onChange,
}: {
  signals: SignalsResponse['signals'];
  value: SeriesKey | null;
  onChange: (series: SeriesKey) => void;
}) {
  const options = signals.flatMap((signal) =>
    signal.series.map((series) => ({ value: keyOf({ signal: signal.name, service: series.service }) }))
  );
  return (
    <Field label="Series" description="A signal of one service">
      <Combobox
        options={options}
        value={value ? keyOf(value) : null}
        onChange={(option) => {
          const [signal, ...service] = option.value.split('/');
          onChange({ signal: signal!, service: service.join('/') });
        }}
        width={40}
      />
    </Field>
  );
}
