/**
 * Shared by the API's schemas: the error body, times, severities and names.
 */
import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

export const severity = z.enum(['low', 'medium', 'high', 'critical']);
export const isoTime = z.iso.datetime({ offset: true });

export const timeParam = z.union([isoTime, z.string().regex(/^\d+(\.\d+)?$/)]).meta({
  description: 'RFC 3339 time or Unix seconds',
});

export const serviceName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, { error: 'expected no control characters' })
  .meta({ description: 'The service: the `service` label of the series' });

/** Which series a finding is about. */
export const seriesRef = { signal: z.string(), service: z.string() };

export type ErrorBody = z.infer<typeof errorBody>;
