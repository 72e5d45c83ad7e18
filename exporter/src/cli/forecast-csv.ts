/**
 * `omen forecast`: fit the default forecaster on a `timestamp,value` history and write the
 * next steps as CSV (`timestamp,point,lower_80,upper_80,lower_95,upper_95`, one pair of
 * bound columns per level), timestamps continuing the history's own sampling interval.
 */
import { NabInputError } from '../eval/nab/errors.js';
import { typicalStepMs, type TimedValues } from '../eval/timed-values.js';
import { DEFAULT_FORECASTER, forecasters } from '../models/registry.js';

export interface ForecastRequest {
  horizon: number;
  /** Interval levels as fractions, e.g. [0.8, 0.95]. */
  levels: number[];
}

export interface ForecastCsv {
  csv: string;
  /** What was fitted, for the progress line. */
  summary: string;
  /** Set when the intervals rest on few out-of-sample errors. */
  warning: string | null;
}

/** `2014-04-10 07:15:00`: the naive UTC form the history is read in. */
function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const cell = (x: number): string => String(Number(x.toPrecision(10)));

export function forecastCsv(series: TimedValues, request: ForecastRequest, name: string): ForecastCsv {
  const forecaster = forecasters[DEFAULT_FORECASTER]({ levels: request.levels });
  const stepMs = typicalStepMs(series.timestampsMs);
  if (stepMs === undefined)
    throw new NabInputError(`${name}: timestamps never advance, no sampling interval`);
  if (series.values.length < forecaster.minPoints)
    throw new NabInputError(
      `${name}: needs at least ${forecaster.minPoints} rows to forecast (has ${series.values.length})`,
    );
  const state = forecaster.fit(series.values, { horizons: [request.horizon], stepMs });
  const path = forecaster.forecast(state, request.horizon);
  const header = [
    'timestamp',
    'point',
    ...path.intervals.flatMap((b) => [
      `lower_${Math.round(b.level * 100)}`,
      `upper_${Math.round(b.level * 100)}`,
    ]),
  ];
  const last = series.timestampsMs.at(-1) as number;
  const rows = path.point.map((point, i) =>
    [
      formatTimestamp(last + (i + 1) * stepMs),
      cell(point),
      ...path.intervals.flatMap((b) => [cell(b.lower[i] as number), cell(b.upper[i] as number)]),
    ].join(','),
  );
  const period = state.period === null ? 'no season' : `season ${state.period} steps`;
  return {
    csv: `${[header.join(','), ...rows].join('\n')}\n`,
    summary: `${name}: ${DEFAULT_FORECASTER} fitted on ${series.values.length} points (${period}), ${request.horizon} steps of ${stepMs / 1000}s ahead`,
    warning: path.warming
      ? `${name}: few out-of-sample errors yet, so the intervals are rough; a longer history makes them honest`
      : null,
  };
}
