/**
 * Jobs (DESIGN Decision 11): long work answers 202 with a job to poll.
 */
import { z } from 'zod';
import { isoTime, serviceName } from './common.js';

export const analysisRequest = z
  .strictObject({
    service: serviceName.optional().meta({ description: 'Report on this service only; default: all' }),
  })
  .meta({ id: 'AnalysisRequest' });

export const job = z
  .object({
    id: z.string(),
    kind: z.enum(['analysis', 'retrain']),
    state: z.enum(['running', 'succeeded', 'failed']),
    params: z.record(z.string(), z.unknown()),
    submittedBy: z
      .string()
      .meta({ description: 'The Grafana user, else the token (never the token itself)' }),
    submittedAt: isoTime,
    finishedAt: isoTime.nullable(),
    result: z.unknown().meta({ description: 'What the job produced, once it succeeded' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'Job' });

export const jobResponse = z
  .object({
    job,
    coalesced: z
      .boolean()
      .meta({ description: 'True when the request joined the same work already running' }),
  })
  .meta({ id: 'JobResponse' });

export type AnalysisRequest = z.infer<typeof analysisRequest>;
export type JobBody = z.infer<typeof job>;
export type JobResponse = z.infer<typeof jobResponse>;
