/**
 * The Forecasts page has no dashboard query, so its history comes from the exporter's own
 * store (GET /api/v1/signals/:signal/values) through the read route.
 */
import type { SeriesValuesResponse } from '../../api/contract';
import type { TimeValue } from './chartGeometry';

/** How far back the page's chart may reach: durations the exporter's `span` parameter takes. */
export const HISTORY_SPANS = ['15m', '1h', '6h', '24h'].map((span) => ({ label: span, value: span }));

export function historyFromValues(values: SeriesValuesResponse): TimeValue[] {
  return values.points.map((point) => ({ t: Date.parse(point.time), v: point.value }));
}

/** One line under the chart saying what the history line is: raw samples or step averages. */
export function describeHistory(values: SeriesValuesResponse): string {
  if (values.samples === 0) {
    return 'No stored samples of this series in the chosen span: the chart starts at now.';
  }
  return values.step === null
    ? `History: ${values.samples} stored samples.`
    : `History: ${values.samples} stored samples, averaged per ${values.step} (${values.points.length} points).`;
}
