/**
 * Any point model plus conformal calibration is a forecaster. Fitting holds out the newest
 * part of the history: the model is fitted on the rest and walked, one observation at a
 * time, through the held-out part, so the errors its intervals rest on are out of sample.
 * (The season is a property of the series, found on the whole history.)
 * The same walk is what each pipeline cycle does with a new observation.
 */
import {
  anchorHorizons,
  createConformal,
  errorCount,
  errorQuantilesAt,
  exceedanceAt,
  advance,
  start,
} from './conformal.js';
import type { FitOptions, Forecaster, ForecasterState, ForecastPath, PointModel } from './forecaster.js';
import { resolveForecasterParams, type ForecasterParams } from './forecaster-params.js';
import { calendarPeriods, detectPeriod, SEASONALITY_DEFAULTS } from './seasonality.js';

/** Fewest points a forecaster fits on (a period needs three cycles besides, see seasonality.ts). */
export const MIN_FIT_POINTS = 20;

export function conformalForecaster<S>(
  model: PointModel<S>,
  params: Partial<ForecasterParams> = {},
): Forecaster {
  const resolved = resolveForecasterParams(model.name, params);

  function update(state: ForecasterState, value: number): ForecasterState {
    state.point = model.update(state.point as S, value);
    advance(state.calibration, value, model.predictAt(state.point as S, state.calibration.anchors));
    return state;
  }

  /** Intervals around the raw points at `horizons`; the point moves by the median error. */
  function withIntervals(state: ForecasterState, horizons: readonly number[], raw: number[]): ForecastPath {
    const ps = [0.5, ...resolved.levels.flatMap((level) => [(1 - level) / 2, (1 + level) / 2])];
    const quantiles = errorQuantilesAt(state.calibration, horizons, ps);
    const q = (h: number, k: number) => (quantiles[h] as number[])[k] as number;
    // The point moves by the median out-of-sample error, so it sits inside its own band.
    const point = raw.map((p, h) => p + q(h, 0));
    const intervals = resolved.levels.map((level, i) => ({
      level,
      lower: raw.map((p, h) => p + q(h, 1 + 2 * i)),
      upper: raw.map((p, h) => p + q(h, 2 + 2 * i)),
    }));
    const longest = Math.max(1, ...horizons);
    return { point, intervals, warming: errorCount(state.calibration, longest) < resolved.minErrors };
  }

  return {
    name: model.name,
    minPoints: MIN_FIT_POINTS,
    fit(values: readonly number[], options: FitOptions): ForecasterState {
      if (values.length < MIN_FIT_POINTS)
        throw new Error(
          `${model.name}: needs at least ${MIN_FIT_POINTS} points to fit (got ${values.length})`,
        );
      const split = Math.max(
        MIN_FIT_POINTS / 2,
        Math.floor(values.length * (1 - resolved.calibrationFraction)),
      );
      const calendar = options.stepMs === undefined ? [] : calendarPeriods(options.stepMs);
      const period =
        options.period === undefined
          ? detectPeriod(values, { ...SEASONALITY_DEFAULTS, calendar })
          : options.period;
      let state: ForecasterState = {
        model: model.name,
        period,
        point: model.fit(values.slice(0, split), period),
        calibration: createConformal(anchorHorizons(options.horizons), resolved.window),
      };
      start(state.calibration, model.predictAt(state.point as S, state.calibration.anchors));
      for (let t = split; t < values.length; t += 1) state = update(state, values[t] as number);
      return state;
    },
    update,
    forecast(state: ForecasterState, steps: number): ForecastPath {
      const horizons = Array.from({ length: steps }, (_, i) => i + 1);
      return withIntervals(state, horizons, model.predict(state.point as S, steps));
    },
    forecastAt(state: ForecasterState, horizons: readonly number[]): ForecastPath {
      return withIntervals(state, horizons, model.predictAt(state.point as S, horizons));
    },
    exceedanceAt(state: ForecasterState, steps: readonly number[], threshold: number, drift = 0): number[] {
      const point = model.predictAt(state.point as S, steps);
      const path = drift === 0 ? point : point.map((p, k) => p + drift * (steps[k] as number));
      return exceedanceAt(state.calibration, steps, path, threshold);
    },
    warmingAt(state: ForecasterState, steps: number): boolean {
      return errorCount(state.calibration, steps) < resolved.minErrors;
    },
  };
}
