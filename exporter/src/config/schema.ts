/**
 * The one place where Omen's configuration is defined: every key, its type, its default
 * and its documentation. Unknown keys are errors (strict objects), so a typo never
 * silently falls back to a default. README's configuration reference is generated from
 * this schema (`npm run docs:config`) and a test keeps the two in sync.
 */
import { z } from 'zod';
import { actionsSchema, feedbackSchema } from './actions-schema.js';
import { DURATION_PATTERN } from './duration.js';
import { forecastSchema } from './forecast-schema.js';
import { incidentsSchema, rcaSchema } from './incident-schema.js';
import { prometheusSourceSchema } from './prometheus-source-schema.js';
import { pushSourceSchema } from './push-source-schema.js';
import { timeZoneSchema } from './time-zone.js';

const duration = (description: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration such as 15s, 5m or 1h30m' })
    .meta({ description });

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const metricName = z.string().regex(NAME, { error: 'expected a name of letters, digits and _' });
const probability = z.number().gt(0).lt(1);

const selector = z
  .string()
  .min(1)
  .meta({ description: 'PromQL vector selector, e.g. http_requests_total{code=~"5.."}' });

const signalCommon = {
  name: metricName.meta({ description: 'Signal name: the `signal` label of every Omen metric.' }),
  help: z.string().optional().meta({ description: 'What the signal means, shown in the API.' }),
  by: z
    .array(z.string().regex(NAME))
    .min(1)
    .default(['service'])
    .meta({ description: 'Labels that identify the service; several values are joined with "/".' }),
  threshold: z
    .number()
    .optional()
    .meta({ description: 'Breach threshold (an SLO). Signals are defined so that higher is worse.' }),
  season: z
    .union([z.literal('auto'), z.literal('none'), duration('Season length.')])
    .default('auto')
    .meta({
      description: 'Seasonal period (e.g. 1d, or 24m in the demo); `auto` detects it, `none` disables it.',
    }),
  sources: z
    .array(z.string())
    .optional()
    .meta({ description: 'Names of the sources this signal is computed from (default: all).' }),
};

/** Labels broken down for RCA's label contrast, at most this many per signal (a query each). */
export const MAX_CONTRAST_LABELS = 8;

// Only counted signals (rate, ratio) have shares of events to contrast.
const contrastBy = z
  .array(z.string().regex(NAME, { error: 'expected a label name' }))
  .max(MAX_CONTRAST_LABELS)
  .default([])
  .meta({
    description:
      'Labels whose values RCA contrasts, e.g. [pod, version, route, code]: which carry more of the (bad) events during an incident than before it. Read by `prometheus` and `scrape` sources.',
  });

const ratioSignal = z
  .strictObject({
    ...signalCommon,
    contrastBy,
    type: z.literal('ratio').meta({ description: 'Signal kind.' }),
    numerator: selector.meta({
      description: 'Selector of the bad events counter, e.g. http_requests_total{code=~"5.."}.',
    }),
    denominator: selector.meta({
      description: 'Selector of the all events counter, e.g. http_requests_total.',
    }),
  })
  .meta({ description: 'rate(numerator) / rate(denominator), summed by the `by` labels.' });

const rateSignal = z
  .strictObject({ ...signalCommon, contrastBy, type: z.literal('rate'), selector })
  .meta({ description: 'Per-second rate of a counter, summed by the `by` labels.' });

const gaugeSignal = z
  .strictObject({
    ...signalCommon,
    type: z.literal('gauge').meta({ description: 'Signal kind.' }),
    selector,
    aggregate: z
      .enum(['sum', 'avg', 'min', 'max'])
      .default('sum')
      .meta({ description: 'How the samples of one service are combined.' }),
  })
  .meta({ description: 'A gauge, aggregated by the `by` labels.' });

const quantileSignal = z
  .strictObject({
    ...signalCommon,
    type: z.literal('histogram_quantile').meta({ description: 'Signal kind.' }),
    selector: selector.meta({
      description: 'The histogram, without `_bucket` (e.g. http_request_duration_seconds).',
    }),
    quantile: probability.meta({ description: 'Quantile between 0 and 1, e.g. 0.99.' }),
  })
  .meta({ description: 'histogram_quantile over the rate of the buckets, by the `by` labels.' });

const promqlSignal = z
  .strictObject({
    ...signalCommon,
    type: z.literal('promql').meta({ description: 'Signal kind.' }),
    query: z.string().min(1).meta({
      description:
        'PromQL expression, evaluated by `prometheus` sources (scrape sources skip this signal); one service per result series, named by its `by` labels.',
    }),
  })
  .meta({ description: 'A PromQL expression evaluated by a `prometheus` source.' });

export const signalSchema = z.discriminatedUnion('type', [
  ratioSignal,
  rateSignal,
  gaugeSignal,
  quantileSignal,
  promqlSignal,
]);
// Kinds of signal, with the keys each adds to the common ones above.

export const scrapeSourceSchema = z.strictObject({
  name: metricName.meta({ description: 'Source name: the `source` label of the self metrics.' }),
  type: z
    .literal('scrape')
    .meta({ description: 'Source kind: `scrape` reads a Prometheus /metrics endpoint.' }),
  url: z.url({ protocol: /^https?$/ }).meta({ description: 'The target’s metrics URL.' }),
  timeout: duration('Scrape timeout.').default('5s'),
  rateWindow: duration('Window over which counters become per-second rates (like rate(x[1m])).').default(
    '1m',
  ),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024)
    .meta({ description: 'Largest response accepted; a larger one fails the scrape.' }),
  bearerTokenFile: z
    .string()
    .optional()
    .meta({ description: 'File holding a bearer token for the target (secrets never go in this file).' }),
});

export const sourceSchema = z.discriminatedUnion('type', [
  scrapeSourceSchema,
  pushSourceSchema,
  prometheusSourceSchema,
]);

const severities = z
  .strictObject({
    low: probability.default(0.99).meta({ description: 'Score from which severity is low (1).' }),
    medium: probability.default(0.995).meta({ description: 'Score from which severity is medium (2).' }),
    high: probability.default(0.999).meta({ description: 'Score from which severity is high (3).' }),
    critical: probability.default(0.9999).meta({ description: 'Score from which severity is critical (4).' }),
  })
  .prefault({})
  .meta({ description: 'Score at or above which an anomaly has each severity.' });

export const ROLES = ['viewer', 'operator', 'admin', 'ingest'] as const;

const apiToken = z
  .strictObject({
    role: z.enum(ROLES, { error: `expected one of ${ROLES.join(', ')}` }),
    file: z.string().min(1).optional(),
    env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name' })
      .optional(),
  })
  .refine((token) => (token.file === undefined) !== (token.env === undefined), {
    error: 'set exactly one of file or env (the token itself never goes in this file)',
  });

const authSchema = z
  .strictObject({
    tokens: z.array(apiToken).default([]).meta({
      description:
        'API bearer tokens, each `{ role: viewer|operator|admin|ingest, file: path }` or `{ role, env: VAR }`; read at start. With none, the API is open.',
    }),
  })
  .prefault({});

export const configSchema = z.strictObject({
  timezone: timeZoneSchema,
  server: z
    .strictObject({
      host: z.string().default('127.0.0.1').meta({ description: 'Address to listen on.' }),
      port: z
        .number()
        .int()
        .min(0)
        .max(65535)
        .default(10420)
        .meta({ description: 'Port (env OMEN_PORT overrides).' }),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z
        .enum(['debug', 'info', 'warn', 'error'])
        .default('info')
        .meta({ description: 'Least severe level logged.' }),
      format: z.enum(['json', 'logfmt']).default('logfmt').meta({ description: 'Log line format.' }),
    })
    .prefault({}),
  store: z
    .strictObject({
      path: z
        .string()
        .default('./data/omen.duckdb')
        .meta({ description: 'DuckDB file (`:memory:` for none).' }),
      memoryLimit: z
        .string()
        .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/, { error: 'expected a size such as 512MB' })
        .default('512MB')
        .meta({ description: 'DuckDB memory_limit.' }),
      threads: z.number().int().min(1).max(64).default(2).meta({ description: 'DuckDB threads.' }),
      rawRetention: duration(
        'Raw samples and error events older than this are deleted (once rolled up); pushes older than this are refused.',
      ).default('14d'),
      retention: duration(
        'Five-minute rollups, recorded anomalies and incidents resolved longer ago than this are deleted. Audit rows are never deleted.',
      ).default('90d'),
      maintenanceInterval: duration(
        'How often the store rolls up finished five-minute buckets and applies retention (off the scrape path).',
      ).default('5m'),
    })
    .prefault({}),
  pipeline: z
    .strictObject({
      interval: duration('Time between cycles (collect, store, score, publish).').default('15s'),
      staleAfter: duration('A series with no new sample for this long stops exposing scores.').default('5m'),
      evictAfter: duration('A silent series is forgotten after this long.').default('24h'),
    })
    .prefault({}),
  anomaly: z
    .strictObject({
      activeAt: probability
        .default(0.995)
        .meta({ description: 'Score at or above which omen_anomaly_active is 1.' }),
      severities,
      minPoints: z
        .number()
        .int()
        .min(5)
        .default(20)
        .meta({ description: 'Points a series needs before it may alarm (warm-up).' }),
      history: z.number().int().min(100).max(100_000).default(2016).meta({
        description:
          'Points of history each series is judged against (2016: a week of 5-minute points, 8.4 h at 15 s).',
      }),
      services: z
        .strictObject({
          enabled: z.boolean().default(true).meta({
            description:
              'Score each service with two or more series as a whole (omen_service_anomaly_score).',
          }),
          history: z.number().int().min(60).max(100_000).default(1440).meta({
            description: 'Cycles of history (one vector of the service’s values each) kept per service.',
          }),
          refitEvery: duration('How often each service’s isolation forest is retrained.').default('15m'),
        })
        .prefault({}),
    })
    .prefault({}),
  forecast: forecastSchema,
  incidents: incidentsSchema,
  rca: rcaSchema,
  auth: authSchema,
  actions: actionsSchema,
  feedback: feedbackSchema,
  sources: z.array(sourceSchema).min(1, { error: 'at least one source is needed' }),
  signals: z.array(signalSchema).min(1, { error: 'at least one signal is needed' }),
});

export type OmenConfig = z.infer<typeof configSchema>;
export type SignalConfig = z.infer<typeof signalSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type ScrapeSourceConfig = z.infer<typeof scrapeSourceSchema>;
export type { PrometheusSourceConfig } from './prometheus-source-schema.js';
export type AuthConfig = z.infer<typeof authSchema>;
export type Role = (typeof ROLES)[number];
