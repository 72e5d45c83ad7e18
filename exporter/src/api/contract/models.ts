/**
 * The model catalog (issue 5): each trained model instance, its quality and its history.
 */
import { z } from 'zod';
import { isoTime } from './common.js';

export const modelsQuery = z.strictObject({
  model: z.string().min(1).max(200).optional().meta({ description: 'e.g. median_combination' }),
  signal: z.string().min(1).max(200).optional(),
  service: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(1000).optional(),
});

const trainingReason = z.enum(['initial', 'refit', 'drift', 'manual']).meta({
  description:
    'initial: first fit; refit: its schedule or a restart; drift: its error drifted; manual: an operator',
});

export const catalogModel = z
  .object({
    id: z.string().meta({ description: 'Stable per (model, signal, service); POST …/retrain takes it' }),
    model: z.string(),
    signal: z.string(),
    service: z.string(),
    version: z.number().int().meta({ description: 'Counts the fits of this instance, across restarts' }),
    params: z.record(z.string(), z.unknown()),
    trainedAt: isoTime,
    samples: z.number().int().meta({ description: 'Steps the model was fitted on' }),
    reason: trainingReason,
    backtest: z
      .object({
        mase: z.number().nullable().meta({
          description: 'Out-of-sample one-step MASE at training (null for a flat history)',
        }),
        brier: z.number().nullable().meta({
          description: 'Brier score of the breach calibration at the shortest horizon, at training',
        }),
      })
      .meta({ description: 'Measured when the model was trained' }),
    live: z
      .object({
        steps: z.number().int().meta({ description: 'Steps scored since training' }),
        recentError: z.number().nullable().meta({ description: 'Recent mean absolute one-step error' }),
        trainingError: z.number().nullable().meta({ description: 'The same error at training' }),
        coverage80: z.number().nullable(),
        coverage95: z.number().nullable(),
        refitPending: trainingReason.nullable().meta({ description: 'A refit is due before its schedule' }),
      })
      .nullable()
      .meta({ description: 'Since training, in this process; null when the series has no live forecast' }),
  })
  .meta({ id: 'CatalogModel' });

export const trainingEvent = z
  .object({
    version: z.number().int(),
    at: isoTime,
    event: z.enum(['fitted', 'retrain_requested']),
    reason: trainingReason,
    actor: z.string().nullable().meta({ description: 'Who asked, for a retrain' }),
    detail: z.string().nullable(),
    samples: z.number().int().nullable(),
    mase: z.number().nullable(),
    brier: z.number().nullable(),
  })
  .meta({ id: 'TrainingEvent' });

export const modelsResponse = z
  .object({
    items: z.array(
      catalogModel.extend({
        history: z
          .array(trainingEvent)
          .meta({ description: 'The newest training history rows, newest first' }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ModelsResponse' });

export type ModelsResponse = z.infer<typeof modelsResponse>;
export type CatalogModelBody = z.infer<typeof catalogModel>;
