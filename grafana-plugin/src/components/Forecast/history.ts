/**
 * The forecast panel's history comes from the panel's own query (for example
 * `omen_signal_value{signal="error_ratio",service="checkout"}` on Prometheus): the exporter's
 * API carries the forecast, and Prometheus already keeps the past. The query's labels also
 * name the series when the panel's options leave it open.
 */
import { FieldType, type DataFrame } from '@grafana/data';
import type { TimeValue } from './chartGeometry';

export interface History {
  points: TimeValue[];
  labels: Record<string, string>;
}

/** The first frame with a time field and a number field; null when the query returned none. */
export function historyFromFrames(frames: DataFrame[]): History | null {
  for (const frame of frames) {
    const time = frame.fields.find((field) => field.type === FieldType.time);
    const value = frame.fields.find((field) => field.type === FieldType.number);
    if (!time || !value) {
      continue;
    }
    const points: TimeValue[] = [];
    for (let i = 0; i < frame.length; i++) {
      const t = Number(time.values[i]);
      const v = value.values[i];
      if (Number.isFinite(t)) {
        points.push({ t, v: typeof v === 'number' && Number.isFinite(v) ? v : null });
      }
    }
    return { points, labels: { ...value.labels } };
  }
  return null;
}

/** The series to forecast: the panel's options (dashboard variables applied) first, else the query's labels. */
export function chosenSeries(
  options: { signal?: string; service?: string },
  labels: Record<string, string>,
  replaceVariables: (value: string) => string
): { signal: string; service: string } | null {
  const signal = replaceVariables(options.signal ?? '').trim() || labels.signal || '';
  const service = replaceVariables(options.service ?? '').trim() || labels.service || '';
  return signal && service ? { signal, service } : null;
}
