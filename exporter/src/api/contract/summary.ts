/**
 * GET /api/v1/summary (what an overview page needs in one call) and GET /api/v1/insights
 * (short findings from the store, ranked).
 */
import { z } from 'zod';
import { isoTime, seriesRef } from './common.js';
import { incident } from './incidents.js';

const actionResults = ['success', 'failure', 'timeout', 'refused', 'pending_approval'] as const;

export const summaryResponse = z
  .object({
    generatedAt: isoTime,
    health: z.object({
      score: z.number().meta({ description: '0..100: 100 less the penalty of each reason' }),
      status: z.enum(['ok', 'degraded', 'critical']).meta({ description: 'ok ≥ 90, degraded ≥ 60' }),
      reasons: z
        .array(
          z.object({
            code: z.enum([
              'store_closed',
              'source_down',
              'incident_open',
              'anomalies_active',
              'breach_likely',
              'model_failing',
            ]),
            message: z.string(),
            penalty: z.number(),
            link: z.string().nullable().meta({ description: 'Where the evidence is (an API path)' }),
          }),
        )
        .meta({ description: 'Largest penalty first' }),
    }),
    anomalies: z
      .object({
        active: z.number().int(),
        bySeverity: z.object({
          low: z.number().int(),
          medium: z.number().int(),
          high: z.number().int(),
          critical: z.number().int(),
        }),
      })
      .meta({ description: 'Series anomalous now (omen_anomaly_active = 1), by severity' }),
    breaches: z
      .array(
        z.object({
          ...seriesRef,
          horizon: z.string(),
          probability: z.number(),
          value: z.number(),
          threshold: z.number().nullable(),
        }),
      )
      .meta({ description: 'Highest breach probabilities, one per series (its likeliest horizon)' }),
    incidents: z.object({
      open: z.number().int(),
      items: z.array(incident).meta({ description: 'The newest open incidents' }),
    }),
    actions: z
      .object({
        available: z.boolean().meta({ description: 'false until actions are configured in this Omen' }),
        last24h: z.object({
          total: z.number().int(),
          byResult: z.object(Object.fromEntries(actionResults.map((r) => [r, z.number().int()]))),
        }),
      })
      .meta({ description: 'Action executions in the last 24 hours' }),
    models: z
      .array(z.object({ model: z.string(), success: z.boolean() }))
      .meta({ description: 'omen_model_run_success of each model: did its last run succeed' }),
  })
  .meta({ id: 'Summary' });

export type SummaryResponse = z.infer<typeof summaryResponse>;

// GET /api/v1/insights: short findings from the store, ranked.
export const insightsQuery = z.strictObject({
  period: z
    .string()
    .regex(/^\d+[smhdw]$/, { error: 'expected a duration such as 24m, 1d or 7d' })
    .default('7d')
    .meta({ description: 'Compare the last period with the one before (7d: week over week)' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const insightsResponse = z
  .object({
    generatedAt: isoTime,
    period: z.string(),
    items: z
      .array(
        z.object({
          kind: z.enum(['trend', 'capacity', 'noisy', 'recurring']).meta({
            description:
              'recurring: the series peaks at about the same local time (config timezone) on most days of the period (periods of 3 days or more), or else on most days of one weekday (3 weeks or more)',
          }),
          ...seriesRef,
          score: z.number().meta({ description: '0..1; items are ranked by it' }),
          title: z.string().meta({ description: 'The finding in one sentence' }),
          evidence: z.string().meta({ description: 'An API path where the evidence is' }),
          details: z.record(z.string(), z.number()),
        }),
      )
      .meta({ description: 'Most important first' }),
  })
  .meta({ id: 'InsightsResponse' });

export type InsightsResponse = z.infer<typeof insightsResponse>;
