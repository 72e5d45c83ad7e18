/**
 * The `push` source: applications POST samples and error events to /api/v1/ingest; error
 * events become a per-service error-rate signal defined here (it has no selector, so it
 * is not one of `signals`). Kept beside schema.ts, which lists it in the source kinds.
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';

const duration = (description: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration such as 15s, 5m or 1h30m' })
    .meta({ description });

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const metricName = z.string().regex(NAME, { error: 'expected a name of letters, digits and _' });

export const pushSourceSchema = z.strictObject({
  name: metricName.meta({ description: 'Source name: the `source` label of the self metrics.' }),
  type: z.literal('push').meta({
    description: 'Source kind: `push` takes samples and error events on POST /api/v1/ingest.',
  }),
  signal: metricName.meta({
    description:
      'Name of the error-rate signal made from pushed error events (events per second per service).',
  }),
  window: duration('Window over which error events are counted into a per-second rate.').default('1m'),
  contrastBy: z
    .array(z.enum(['type', 'severity']))
    .default(['type'])
    .meta({
      description:
        'Fields of the error events whose values RCA contrasts during an incident against before it (which error types carry more of the errors).',
    }),
  forgetAfter: duration(
    'A service with no error event for this long stops getting a 0 rate (its series goes stale).',
  ).default('24h'),
  help: z.string().optional().meta({ description: 'What the error-rate signal means, shown in the API.' }),
  threshold: z
    .number()
    .optional()
    .meta({ description: 'Breach threshold of the error-rate signal, in events per second.' }),
  season: z
    .union([z.literal('auto'), z.literal('none'), duration('Season length.')])
    .default('auto')
    .meta({ description: 'Seasonal period of the error-rate signal (`auto`, `none` or a duration).' }),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024)
    .meta({ description: 'Largest ingest request body accepted; a larger one is answered 413.' }),
  rateLimit: z
    .strictObject({
      perSecond: z
        .number()
        .positive()
        .default(50)
        .meta({ description: 'Ingest requests per second allowed per token (or per client address).' }),
      burst: z
        .number()
        .int()
        .min(1)
        .default(100)
        .meta({ description: 'Requests allowed at once above the steady rate; beyond it, 429.' }),
    })
    .prefault({})
    .meta({ description: 'Token bucket limiting ingest requests; excess requests get 429 and Retry-After.' }),
});

export type PushSourceConfig = z.infer<typeof pushSourceSchema>;
