/**
 * Audit (DESIGN Decision 10): every state-changing call, newest first.
 */
import { z } from 'zod';
import { isoTime, timeParam } from './common.js';

export const auditQuery = z.strictObject({
  actor: z.string().min(1).max(200).optional().meta({ description: 'Who: a Grafana user or a token id' }),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'What, e.g. anomaly.ack, action.execute' }),
  from: timeParam.optional(),
  to: timeParam.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

export const auditEntry = z
  .object({
    id: z.string(),
    time: isoTime,
    actor: z.string().meta({ description: 'The Grafana user, else the token (never the token itself)' }),
    action: z.string(),
    target: z.string().nullable().meta({ description: 'e.g. anomaly:42, execution:<id>' }),
    parameters: z.record(z.string(), z.unknown()),
    result: z.string().meta({ description: 'success, failure, timeout, refused, pending_approval, …' }),
    durationMs: z.number(),
  })
  .meta({ id: 'AuditEntry' });

export const auditResponse = z
  .object({ items: z.array(auditEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditResponse' });

export type AuditResponse = z.infer<typeof auditResponse>;
