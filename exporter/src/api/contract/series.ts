/**
 * Signals, series values, forecasts, services and health: what is measured and expected.
 */
import { z } from 'zod';
import { isoTime, timeParam } from './common.js';

export const seriesStatus = z
  .object({
    service: z.string(),
    value: z.number(),
    lastSampleAt: isoTime,
    stale: z.boolean(),
    warming: z.boolean(),
    anomalyScore: z.number().nullable(),
    anomalyActive: z.boolean(),
    threshold: z
      .number()
      .nullable()
      .meta({ description: 'The breach threshold: from config, else learned; null until either exists' }),
    thresholdLearned: z.boolean(),
    breach: z
      .array(
        z.object({
          horizon: z.string(),
          probability: z.number().nullable().meta({ description: 'null while the forecast is warming' }),
        }),
      )
      .meta({ description: 'P(breach within each horizon); empty until the series has a forecast' }),
    timeToBreachSeconds: z.number().nullable().meta({
      description:
        'Until a breach is more likely than not; null: none within the longest horizon, or the step it would fall on is still warming',
    }),
  })
  .meta({ id: 'SeriesStatus' });

export const signalInfo = z
  .object({
    name: z.string(),
    type: z
      .enum(['ratio', 'rate', 'gauge', 'histogram_quantile', 'promql', 'events'])
      .meta({ description: '`events`: the error rate the push source makes from pushed error events' }),
    help: z.string().nullable(),
    threshold: z.number().nullable(),
    season: z.string(),
    series: z.array(seriesStatus),
  })
  .meta({ id: 'Signal' });

export const signalsResponse = z.object({ signals: z.array(signalInfo) }).meta({ id: 'SignalsResponse' });

const band = {
  point: z.number(),
  lower_80: z.number(),
  upper_80: z.number(),
  lower_95: z.number(),
  upper_95: z.number(),
};

export const forecastQuery = z.strictObject({
  signal: z.string().min(1).max(200),
  service: z.string().min(1).max(200),
});

export const forecastResponse = z
  .object({
    signal: z.string(),
    service: z.string(),
    model: z.string(),
    step: z.string().meta({ description: 'Length of each forecast step, as a Prometheus duration' }),
    threshold: z.number(),
    thresholdLearned: z.boolean(),
    warming: z.boolean().meta({ description: 'The intervals rest on too few out-of-sample errors yet' }),
    timeToBreachSeconds: z.number().nullable(),
    path: z
      .array(z.object({ time: isoTime, ...band }))
      .meta({ description: 'One entry per step, from the step now filling to the longest horizon' }),
    horizons: z.array(z.object({ horizon: z.string(), breachProbability: z.number().nullable(), ...band })),
  })
  .meta({ id: 'Forecast' });

// GET /api/v1/signals/:signal/values: one series' recent values, for the chart before a forecast.
export const seriesValuesQuery = z.strictObject({
  service: z.string().min(1).max(200),
  from: timeParam
    .optional()
    .meta({ description: 'RFC 3339 time or Unix seconds; default: `span` before `to`' }),
  to: timeParam.optional().meta({ description: 'RFC 3339 time or Unix seconds; default: now' }),
  span: z
    .string()
    .regex(/^(?:\d+(?:ms|s|m|h|d|w|y))+$/, { error: 'expected a duration such as 15m, 1h or 7d' })
    .optional()
    .meta({
      description:
        'Instead of `from`: how far before `to` the range starts (default 1h), so a chart of the last hour needs no clock',
    }),
  maxPoints: z.coerce
    .number()
    .int()
    .min(2)
    .max(5000)
    .default(500)
    .meta({ description: 'More samples than this in range are averaged into equal steps' }),
});

export const seriesValuesResponse = z
  .object({
    signal: z.string(),
    service: z.string(),
    from: isoTime,
    to: isoTime,
    samples: z.number().int().meta({ description: 'Raw samples in [from, to), before any averaging' }),
    step: z.string().nullable().meta({
      description: 'null: the points are the raw samples; else each point averages one step of this length',
    }),
    points: z
      .array(
        z.object({
          time: isoTime.meta({ description: 'The sample’s time, or the start of the step' }),
          value: z.number(),
          min: z.number(),
          max: z.number(),
        }),
      )
      .meta({ description: 'Oldest first; from the raw samples, so at most store.rawRetention back' }),
  })
  .meta({ id: 'SeriesValues' });

export const servicesResponse = z
  .object({
    services: z.array(
      z.object({
        service: z.string(),
        score: z
          .number()
          .nullable()
          .meta({ description: 'Calibrated 0..1 (omen_service_anomaly_score); null while warming' }),
        members: z.array(z.string()).meta({ description: 'The signals scored together, in order' }),
        explanation: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ServicesResponse' });

export const healthResponse = z
  .object({
    status: z.enum(['ok', 'not_ready']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })).optional(),
  })
  .meta({ id: 'Health' });

export type SignalsResponse = z.infer<typeof signalsResponse>;
export type ForecastResponse = z.infer<typeof forecastResponse>;
export type SeriesValuesResponse = z.infer<typeof seriesValuesResponse>;
export type ServicesResponse = z.infer<typeof servicesResponse>;
