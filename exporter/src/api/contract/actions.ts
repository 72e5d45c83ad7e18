/**
 * Actions (DESIGN "Safety rules for actions"): declared in config, executed by operators.
 */
import { z } from 'zod';
import { isoTime } from './common.js';

const targetIds = {
  anomalyId: z.string().min(1).max(40).optional(),
  incidentId: z.string().min(1).max(40).optional(),
};

export const actionsQuery = z
  .strictObject(targetIds)
  .meta({ description: 'Name a target to learn which actions apply to it' });

export const actionParamValue = z.union([z.string().max(1000), z.number(), z.boolean()]);

export const executeRequest = z
  .strictObject({
    ...targetIds,
    params: z.record(z.string().max(100), actionParamValue).default({}),
  })
  .refine((body) => (body.anomalyId === undefined) !== (body.incidentId === undefined), {
    error: 'set exactly one of anomalyId or incidentId',
    path: ['anomalyId'],
  })
  .meta({ id: 'ExecuteRequest' });

export const actionInfo = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string().meta({ description: 'webhook, alertmanager_silence or acknowledge' }),
    role: z.enum(['operator', 'admin']).meta({ description: 'The role needed to execute it' }),
    auto: z.boolean(),
    approval: z.boolean().meta({ description: 'A second, different operator must approve each execution' }),
    appliesTo: z.object({ signals: z.array(z.string()), services: z.array(z.string()) }),
    params: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['string', 'number', 'boolean', 'duration']),
        required: z.boolean(),
        description: z.string(),
      }),
    ),
    applicable: z
      .boolean()
      .nullable()
      .meta({ description: 'Whether it applies to the target asked about; null when none was named' }),
    recommendation: z.object({ score: z.number(), reason: z.string() }).nullable().meta({
      description:
        'For an incident: how strongly it is recommended (0..1, as omen_action_recommended) and why; null otherwise',
    }),
  })
  .meta({ id: 'Action' });

export const actionsResponse = z.object({ actions: z.array(actionInfo) }).meta({ id: 'ActionsResponse' });

export const execution = z
  .object({
    id: z.string(),
    action: z.string(),
    target: z.object({ kind: z.enum(['anomaly', 'incident']), id: z.string() }),
    params: z.record(z.string(), z.unknown()),
    state: z.enum(['pending_approval', 'running', 'success', 'failure', 'timeout', 'refused']),
    requestedBy: z.string(),
    requestedAt: isoTime,
    approvedBy: z.string().nullable(),
    finishedAt: isoTime.nullable(),
    result: z
      .unknown()
      .meta({ description: 'What the executor reported (status, silence ids); never a secret' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'Execution' });

export const executionResponse = z
  .object({
    execution,
    replayed: z
      .boolean()
      .meta({ description: 'True when the Idempotency-Key was seen before: this is that execution' }),
  })
  .meta({ id: 'ExecutionResponse' });

export type ActionInfo = z.infer<typeof actionInfo>;
export type ActionsResponse = z.infer<typeof actionsResponse>;
export type ExecuteRequest = z.infer<typeof executeRequest>;
export type ExecutionBody = z.infer<typeof execution>;
export type ExecutionResponse = z.infer<typeof executionResponse>;
