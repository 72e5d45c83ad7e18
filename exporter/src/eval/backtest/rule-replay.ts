/**
 * Prometheus' alerting state machine, replayed over a series' evaluation times: an alert
 * whose expression holds goes pending, fires once it has held for `for`, and (with
 * `keep_firing_for`) keeps firing that long after the expression stops holding. The
 * expression may look at the alert's own firing state at the previous evaluation, which is
 * what a rule's `ALERTS{alertstate="firing"}` clause sees — the hysteresis of Omen's rules.
 */
import type { PredictedRule } from '../../models/prediction/alert.js';

export interface RuleTiming {
  forMs: number;
  keepFiringForMs?: number;
}

/** Whether the alert fires at each evaluation. */
export function replayRule(
  timesMs: readonly number[],
  holds: (index: number, firingBefore: boolean) => boolean,
  timing: RuleTiming,
): boolean[] {
  const firing = new Array<boolean>(timesMs.length).fill(false);
  let activeSince: number | undefined;
  let lastHeld = -Infinity;
  let wasFiring = false;
  for (let i = 0; i < timesMs.length; i += 1) {
    const now = timesMs[i] as number;
    if (holds(i, wasFiring)) {
      activeSince ??= now;
      lastHeld = now;
      wasFiring = wasFiring || now - activeSince >= timing.forMs;
    } else if (wasFiring && now - lastHeld < (timing.keepFiringForMs ?? 0)) {
      // keep_firing_for: still firing, though the expression no longer holds
    } else {
      activeSince = undefined;
      wasFiring = false;
    }
    firing[i] = wasFiring;
  }
  return firing;
}

/** A predicted-breach rule over one horizon's probabilities (NaN: none published yet). */
export function replayPredicted(
  timesMs: readonly number[],
  probability: readonly number[],
  rule: PredictedRule,
): boolean[] {
  return replayRule(
    timesMs,
    (i, firingBefore) => {
      const p = probability[i] as number;
      return p >= rule.fireAt || (firingBefore && p >= rule.holdAt);
    },
    rule,
  );
}

/** The plain threshold rule, `value > threshold`. */
export function replayThreshold(
  timesMs: readonly number[],
  values: readonly number[],
  threshold: number,
  timing: RuleTiming,
): boolean[] {
  return replayRule(timesMs, (i) => (values[i] as number) > threshold, timing);
}
