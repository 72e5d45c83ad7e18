/**
 * The `acknowledge` action: acknowledges the target's anomalies (an incident's members),
 * as POST /api/v1/anomalies/:id/ack would, with the actor recorded; the first
 * acknowledgement of each anomaly stands.
 */
import type { ActionConfig } from '../config/actions-schema.js';
import type { ActionExecutor } from './executor.js';

export interface Acknowledger {
  acknowledgeAll(
    anomalyIds: readonly string[],
    actor: string,
  ): Promise<{ anomalyId: string; actor: string }[]>;
}

export function acknowledgeExecutor(acknowledger: Acknowledger): ActionExecutor<ActionConfig> {
  return {
    async execute(_action, context) {
      const acks = await acknowledger.acknowledgeAll(context.target.anomalyIds, context.actor);
      return {
        acknowledged: acks.filter((ack) => ack.actor === context.actor).length,
        alreadyAcknowledged: acks.filter((ack) => ack.actor !== context.actor).length,
      };
    },
  };
}
