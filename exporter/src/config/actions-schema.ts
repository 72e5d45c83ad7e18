/**
 * The `actions` and `feedback` sections (issue 8): the action catalog operators may
 * execute, and how operator feedback adjusts a series' sensitivity. Kept beside
 * `schema.ts` like the source schemas, and for the same reason it must not import it.
 * Secrets (the webhook signing key) are named by env or file, never written here.
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';

const duration = (description: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration such as 15s, 5m or 1h30m' })
    .meta({ description });

export const ACTION_KINDS = ['webhook', 'alertmanager_silence', 'acknowledge'] as const;
export const PARAM_TYPES = ['string', 'number', 'boolean', 'duration'] as const;

const secretRef = z
  .strictObject({
    env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name' })
      .optional()
      .meta({ description: 'Environment variable holding the secret.' }),
    file: z.string().min(1).optional().meta({ description: 'File holding the secret.' }),
  })
  .refine((secret) => (secret.env === undefined) !== (secret.file === undefined), {
    error: 'set exactly one of file or env (the secret itself never goes in this file)',
  });

const paramSpec = z.strictObject({
  type: z.enum(PARAM_TYPES).default('string').meta({ description: 'Type of the value.' }),
  required: z.boolean().default(false).meta({ description: 'The execute request must give it.' }),
  description: z.string().default('').meta({ description: 'Shown to the operator.' }),
});

const actionCommon = {
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,62}$/, { error: 'expected lower-case letters, digits, _ and -' })
    .meta({
      description: 'Action id: the `:id` of POST /api/v1/actions/:id/execute and the `action` label.',
    }),
  title: z.string().min(1).max(200).meta({ description: 'What the button says.' }),
  role: z
    .enum(['operator', 'admin'])
    .default('operator')
    .meta({ description: 'The role an executing (and approving) token needs.' }),
  auto: z.boolean().default(false).meta({
    description:
      'Runs on its own for an open incident it is recommended for (see actions.automatic); once per incident, audited as actor omen.',
  }),
  approval: z.boolean().default(false).meta({
    description: 'Each execution waits until a second, different operator approves it.',
  }),
  appliesTo: z
    .strictObject({
      signals: z.array(z.string()).default([]).meta({ description: 'Signals it applies to; empty: all.' }),
      services: z.array(z.string()).default([]).meta({ description: 'Services it applies to; empty: all.' }),
    })
    .prefault({}),
  timeout: duration('Time limit of one execution (default: actions.timeout).').optional(),
  params: z
    .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/), paramSpec)
    .default({})
    .meta({
      description:
        'Parameters an execute request may give, by name: `{ type: string|number|boolean|duration, required, description }`.',
    }),
};

const webhookAction = z.strictObject({
  ...actionCommon,
  kind: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/ }).meta({
    description: 'Where to POST; must start with one of actions.allowedUrls. Redirects are refused.',
  }),
  body: z.json().default({}).meta({
    description:
      'JSON body; in its strings {{action.id}}, {{execution.id}}, {{actor}}, {{target.kind}}, {{target.id}}, {{target.signal}}, {{target.service}} and {{params.NAME}} are replaced.',
  }),
  secret: secretRef.meta({
    description:
      'Key of the HMAC-SHA256 signature `X-Omen-Signature: t=<unix seconds>,v1=<hex of HMAC(key, "<t>.<body>")>`: `{ env: VAR }` or `{ file: path }`.',
  }),
  retries: z.number().int().min(0).max(5).default(2).meta({
    description: 'Retries after a network error, a 5xx or a 429, with backoff doubling from `backoff`.',
  }),
  backoff: duration('Wait before the first retry.').default('500ms'),
});

const silenceAction = z.strictObject({
  ...actionCommon,
  kind: z.literal('alertmanager_silence'),
  url: z.url({ protocol: /^https?$/ }).meta({ description: 'Alertmanager base URL (its v2 API is used).' }),
  duration: duration('How long the silence lasts (a `duration` param may shorten or lengthen it).').default(
    '1h',
  ),
  maxDuration: duration('Longest silence a `duration` param may ask for.').default('24h'),
  comment: z.string().default('Silenced from Omen').meta({ description: 'The silence comment.' }),
});

const acknowledgeAction = z.strictObject({ ...actionCommon, kind: z.literal('acknowledge') });

export const actionSchema = z.discriminatedUnion('kind', [webhookAction, silenceAction, acknowledgeAction]);

export const actionsSchema = z
  .strictObject({
    timeout: duration('Default time limit of one execution.').default('30s'),
    idempotencyWindow: duration(
      'How long an Idempotency-Key is remembered: a repeat inside it returns the first execution.',
    ).default('24h'),
    allowedUrls: z
      .array(z.url({ protocol: /^https?$/ }))
      .default([])
      .meta({
        description:
          'URL prefixes webhooks may call; a webhook whose url starts with none is a config error.',
      }),
    rateLimit: z
      .strictObject({
        perSecond: z
          .number()
          .positive()
          .default(1)
          .meta({ description: 'Write calls per second per token.' }),
        burst: z.number().int().positive().default(10).meta({ description: 'Write calls allowed at once.' }),
      })
      .prefault({})
      .meta({
        description: 'Ack, feedback, execute and approve calls allowed per token (or client address).',
      }),
    automatic: z
      .strictObject({
        minScore: z.number().min(0).max(1).default(0.5).meta({
          description:
            'An `auto: true` action runs on its own for an open incident once recommended at least this strongly (0.5: only when scoped to a likely cause).',
        }),
        perHour: z.number().int().min(0).default(4).meta({
          description: 'At most this many automatic runs of one action per hour; more are refused.',
        }),
      })
      .prefault({}),
    catalog: z.array(actionSchema).default([]).meta({ description: 'The actions operators may execute.' }),
  })
  .prefault({});

export const feedbackSchema = z
  .strictObject({
    lookback: duration('False positives older than this no longer lower a series’ sensitivity.').default(
      '24h',
    ),
    factor: z.number().gt(1).max(1000).default(10).meta({
      description:
        'Each counted false positive divides the series’ tail allowance (1 − anomaly.activeAt) by this.',
    }),
    maxSteps: z
      .number()
      .int()
      .min(0)
      .max(6)
      .default(2)
      .meta({ description: 'At most this many false positives count (0 turns the rule off).' }),
  })
  .prefault({});

export type ActionsConfig = z.infer<typeof actionsSchema>;
export type ActionConfig = z.infer<typeof actionSchema>;
export type WebhookActionConfig = z.infer<typeof webhookAction>;
export type SilenceActionConfig = z.infer<typeof silenceAction>;
export type FeedbackConfig = z.infer<typeof feedbackSchema>;
export type ActionKind = (typeof ACTION_KINDS)[number];
