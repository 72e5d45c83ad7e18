/**
 * The `forecast` section: how series are forecast and how their breach probability is
 * computed (issue 5). Kept beside `schema.ts` like the source schemas, and for the same
 * reason it must not import `schema.ts`.
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';

const duration = (description: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration such as 15s, 5m or 1h30m' })
    .meta({ description });

export const FORECAST_MODELS = ['median_combination', 'ets', 'theta', 'seasonal_naive'] as const;

export const forecastSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .meta({ description: 'Forecast every series and publish its breach probabilities.' }),
    model: z
      .enum(FORECAST_MODELS, { error: `expected one of ${FORECAST_MODELS.join(', ')}` })
      .default('median_combination')
      .meta({ description: 'Forecaster (`omen eval forecast` compares them).' }),
    step: duration(
      'Resolution of forecasts: each series is averaged over steps of this length (aligned to the Unix epoch) before it is forecast.',
    ).default('5m'),
    horizons: z.array(duration('Horizon.')).min(1).default(['15m', '1h', '6h', '24h']).meta({
      description:
        'Horizons of `omen_forecast` and `omen_breach_probability` (the `horizon` label); each at least one step.',
    }),
    history: z.number().int().min(20).max(20_000).default(2016).meta({
      description: 'Steps a forecaster is fitted on (2016: a week of 5-minute steps).',
    }),
    minSteps: z.number().int().min(20).default(40).meta({
      description: 'Steps of history a series needs before it is forecast.',
    }),
    refitEvery: duration(
      'How often each series is refitted from the store (staggered across series, so no cycle refits them all).',
    ).default('6h'),
    fitBudget: z.number().gt(0).max(1).default(0.2).meta({
      description:
        'Share of the pipeline interval that fits and refits may take per cycle; series waiting for a fit have no forecast yet.',
    }),
    driftFactor: z.number().min(0).default(2).meta({
      description:
        'Refit a series before its schedule when its recent one-step error exceeds the error measured at training by this factor (0: never); counted in omen_model_drift_refits_total.',
    }),
    driftMinSteps: z.number().int().min(5).default(24).meta({
      description: 'Steps scored after a fit before drift is judged; also the span of the recent error.',
    }),
  })
  .prefault({});

export type ForecastConfig = z.infer<typeof forecastSchema>;
