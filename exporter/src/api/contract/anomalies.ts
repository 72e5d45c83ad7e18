/**
 * Anomalies, and the operator's feedback on them (acknowledge, true/false positive).
 */
import { z } from 'zod';
import { severity, isoTime, timeParam } from './common.js';

export const anomaly = z
  .object({
    id: z.string(),
    signal: z.string(),
    service: z.string(),
    time: isoTime,
    score: z.number(),
    severity,
    value: z.number(),
    expected: z.number(),
    lower: z.number(),
    upper: z.number(),
    model: z.string(),
    kind: z
      .enum(['spike', 'dip', 'level_shift', 'trend_change', 'pattern_deviation', 'unknown'])
      .meta({ description: "The anomaly's type; unknown for anomalies recorded before types were." }),
    explanation: z.string().meta({ description: 'Which component drove the score, in words.' }),
  })
  .meta({ id: 'Anomaly' });

export const anomaliesResponse = z
  .object({
    items: z.array(
      anomaly.extend({
        acknowledgement: z
          .object({ by: z.string(), at: isoTime })
          .nullable()
          .meta({ description: 'Who acknowledged it first, and when; null until someone does' }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AnomaliesResponse' });

export const anomaliesQuery = z.strictObject({
  service: z.string().min(1).optional(),
  signal: z.string().min(1).optional(),
  from: timeParam.optional(),
  to: timeParam.optional(),
  severity: severity.optional().meta({ description: 'this severity or worse' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

// Feedback on anomalies (operator).
const note = z.string().max(1000).meta({ description: 'Free text, kept in the audit trail' });

export const ackRequest = z.strictObject({ note: note.optional() }).meta({ id: 'AckRequest' });

export const ackResponse = z
  .object({
    anomalyId: z.string(),
    acknowledgedBy: z.string(),
    acknowledgedAt: isoTime,
    alreadyAcknowledged: z.boolean().meta({ description: 'True when someone had acknowledged it before' }),
  })
  .meta({ id: 'AckResponse' });

export const feedbackRequest = z
  .strictObject({ verdict: z.enum(['true_positive', 'false_positive']), note: note.default('') })
  .meta({ id: 'FeedbackRequest' });

export const feedbackResponse = z
  .object({
    anomalyId: z.string(),
    verdict: z.enum(['true_positive', 'false_positive']),
    givenBy: z.string(),
    givenAt: isoTime,
    activeAt: z.number().meta({
      description: 'The score the series now needs to be anomalous (raised by recent false positives)',
    }),
  })
  .meta({ id: 'FeedbackResponse' });

export type AnomaliesResponse = z.infer<typeof anomaliesResponse>;
export type AnomaliesQuery = z.infer<typeof anomaliesQuery>;
export type Anomaly = z.infer<typeof anomaly>;
export type AckResponse = z.infer<typeof ackResponse>;
export type FeedbackResponse = z.infer<typeof feedbackResponse>;
