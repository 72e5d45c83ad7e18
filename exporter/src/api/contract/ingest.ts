/**
 * POST /api/v1/ingest (the push source). Unknown fields are rejected, so a misspelt
 * `timestamp` is a 400 rather than a sample silently stamped "now".
 */
import { z } from 'zod';
import { serviceName } from './common.js';

const timestampError = { error: 'expected RFC 3339 time or Unix seconds' };
const pushTimestamp = z
  .union(
    [z.number(timestampError).nonnegative(), z.iso.datetime({ offset: true, ...timestampError })],
    timestampError,
  )
  .meta({ description: 'RFC 3339 time or Unix seconds; default: when the request arrives' });

export const ingestSample = z
  .strictObject({
    signal: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: 'expected a signal name of letters, digits and _' })
      .meta({ description: 'A configured signal that lists this push source in its `sources`' }),
    service: serviceName,
    value: z.number(),
    timestamp: pushTimestamp.optional(),
  })
  .meta({ id: 'IngestSample' });

export const errorEvent = z
  .strictObject({
    service: serviceName,
    type: z.string().min(1).max(200).meta({ description: 'The error type, e.g. TimeoutError' }),
    severity: z.enum(['info', 'warning', 'error', 'critical']).default('error'),
    timestamp: pushTimestamp.optional(),
  })
  .meta({ id: 'ErrorEvent' });

export const ingestRequest = z
  .strictObject({
    samples: z.array(ingestSample).default([]),
    events: z
      .array(errorEvent)
      .default([])
      .meta({ description: 'Counted into the push source’s per-service error-rate signal' }),
  })
  .meta({ id: 'IngestRequest' });

export const ingestResponse = z
  .object({
    accepted: z.object({ samples: z.number().int(), events: z.number().int() }),
  })
  .meta({ id: 'IngestResponse', description: 'Sent only once the whole batch is committed' });

export type IngestRequest = z.infer<typeof ingestRequest>;
export type IngestRequestInput = z.input<typeof ingestRequest>;
export type IngestResponse = z.infer<typeof ingestResponse>;
