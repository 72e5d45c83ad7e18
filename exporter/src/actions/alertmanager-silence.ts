/**
 * The `alertmanager_silence` action: one silence per series of the target, through
 * Alertmanager's v2 API, matching the `signal` and `service` labels Omen's alerts carry,
 * for the action's duration (or the `duration` param, up to `maxDuration`), created by
 * the actor so Alertmanager's own UI says who silenced what.
 */
import type { SilenceActionConfig } from '../config/actions-schema.js';
import { DURATION_PATTERN, parseDuration } from '../config/duration.js';
import { ExecutionFailed, type ActionExecutor, type ParamValue } from './executor.js';

function durationOf(action: SilenceActionConfig, params: Readonly<Record<string, ParamValue>>): string {
  const asked = params.duration;
  return typeof asked === 'string' ? asked : action.duration;
}

export function alertmanagerSilenceExecutor(): ActionExecutor<SilenceActionConfig> {
  return {
    check(action, params) {
      const duration = durationOf(action, params);
      if (!DURATION_PATTERN.test(duration)) return `params.duration: expected a duration such as 30m or 2h`;
      const ms = parseDuration(duration);
      if (ms <= 0 || ms > parseDuration(action.maxDuration)) {
        return `params.duration: must be more than 0 and at most ${action.maxDuration}`;
      }
      return undefined;
    },

    async execute(action, context) {
      const endsAtMs = context.nowMs + parseDuration(durationOf(action, context.params));
      const url = `${action.url.replace(/\/+$/, '')}/api/v2/silences`;
      const silenceIds: string[] = [];
      for (const series of context.target.series) {
        const response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          signal: context.signal,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            matchers: [
              { name: 'signal', value: series.signal, isRegex: false, isEqual: true },
              { name: 'service', value: series.service, isRegex: false, isEqual: true },
            ],
            startsAt: new Date(context.nowMs).toISOString(),
            endsAt: new Date(endsAtMs).toISOString(),
            createdBy: context.actor,
            comment: `${action.comment} (Omen ${context.target.kind} ${context.target.id}, execution ${context.executionId})`,
          }),
        });
        const text = await response.text();
        if (!response.ok) {
          throw new ExecutionFailed(
            `Alertmanager refused the silence for ${series.signal}/${series.service}: HTTP ${response.status} ${text.slice(0, 200)}`,
            { status: response.status, silenceIds },
          );
        }
        const { silenceID } = JSON.parse(text) as { silenceID?: string };
        if (silenceID) silenceIds.push(silenceID);
      }
      return { silenceIds, endsAt: new Date(endsAtMs).toISOString() };
    },
  };
}
