/**
 * The `prometheus` source's keys: a Prometheus-compatible query API (Prometheus, Mimir,
 * Thanos, VictoriaMetrics) read with PromQL. Kept beside `schema.ts` rather than in it so
 * the main schema stays readable; it must not import `schema.ts` (that file imports this
 * one, and an import cycle would see its helpers before they exist).
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';

const duration = (description: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration such as 15s, 5m or 1h30m' })
    .meta({ description });

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Prometheus refuses a query_range of more than 11 000 points per series. */
export const MAX_POINTS_PER_REQUEST = 11_000;

const circuitBreaker = z
  .strictObject({
    failures: z
      .number()
      .int()
      .min(1)
      .default(3)
      .meta({ description: 'Consecutive failed collects after which the circuit opens.' }),
    openFor: duration('How long the circuit first stays open (no request is sent meanwhile).').default('30s'),
    maxOpenFor: duration('Cap of the open time, which doubles after each failed attempt.').default('5m'),
  })
  .prefault({})
  .meta({ description: 'Stop hitting a failing server every cycle; retry at growing intervals.' });

export const prometheusSourceSchema = z.strictObject({
  name: z
    .string()
    .regex(NAME, { error: 'expected a name of letters, digits and _' })
    .meta({ description: 'Source name: the `source` label of the self metrics.' }),
  type: z.literal('prometheus').meta({
    description: 'Source kind: `prometheus` evaluates each signal as PromQL against a query API.',
  }),
  url: z.url({ protocol: /^https?$/ }).meta({
    description:
      'The query API’s base URL, before `/api/v1/…` (Prometheus `http://host:9090`; Mimir `…/prometheus`; Thanos Query; VictoriaMetrics `…/select/0/prometheus`).',
  }),
  lookback: duration('History read on first start (chunked query_range backfill).').default('1d'),
  step: duration('Resolution of the samples read (query_range step); default: pipeline.interval.').optional(),
  rateWindow: duration('Window over which counters become per-second rates (like rate(x[1m])).').default(
    '1m',
  ),
  queryTimeout: duration('Timeout of one HTTP request to the query API (each retry has its own).').default(
    '30s',
  ),
  retries: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(2)
    .meta({ description: 'Retries of a failed request within one collect (not for a bad query).' }),
  retryBackoff: duration('Delay before the first retry; doubled for each further retry.').default('500ms'),
  maxPointsPerRequest: z
    .number()
    .int()
    .min(2)
    .max(MAX_POINTS_PER_REQUEST)
    .default(MAX_POINTS_PER_REQUEST)
    .meta({ description: 'Points per series in one query_range request; longer ranges are chunked.' }),
  circuitBreaker,
  bearerTokenFile: z
    .string()
    .optional()
    .meta({ description: 'File holding a bearer token for the target (secrets never go in this file).' }),
  bearerTokenEnv: z
    .string()
    .optional()
    .meta({ description: 'Name of the environment variable holding a bearer token.' }),
  basicAuth: z
    .strictObject({
      username: z.string().min(1).meta({ description: 'Basic auth user name.' }),
      passwordFile: z.string().meta({ description: 'File holding the basic auth password.' }),
    })
    .optional()
    .meta({ description: 'HTTP basic auth (instead of a bearer token).' }),
  tls: z
    .strictObject({
      caFile: z
        .string()
        .optional()
        .meta({ description: 'PEM file of the CA(s) that sign the server’s certificate.' }),
      insecureSkipVerify: z
        .boolean()
        .default(false)
        .meta({ description: 'Accept any server certificate (testing only).' }),
    })
    .prefault({})
    .meta({ description: 'TLS options for an https URL.' }),
});

export type PrometheusSourceConfig = z.infer<typeof prometheusSourceSchema>;
