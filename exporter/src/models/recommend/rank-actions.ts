/**
 * Which configured actions to recommend for an incident, best first (pure: no I/O).
 *
 * An action scoped to a likely cause acts where the trouble starts, so it ranks first,
 * by that cause's share of the RCA evidence: 0.5 + 0.5 × share. An action scoped to the
 * incident's own series comes next (0.4). An action that applies to everything (no
 * scope: acknowledge, a generic silence) is always possible but never specific (0.1).
 * Actions whose scope misses the incident entirely are not recommended.
 */
import type { SeriesKey } from '../../store/store.js';

export interface ActionScope {
  id: string;
  appliesTo: { signals: readonly string[]; services: readonly string[] };
}

export interface Cause extends SeriesKey {
  /** Share 0..1 of the ranking's evidence. */
  score: number;
}

export interface RankedAction {
  action: string;
  score: number;
  reason: string;
}

/** Whether a series falls in an action's scope (an empty list matches all). */
export function inScope(scope: ActionScope['appliesTo'], series: SeriesKey): boolean {
  return (
    (scope.signals.length === 0 || scope.signals.includes(series.signal)) &&
    (scope.services.length === 0 || scope.services.includes(series.service))
  );
}

const GENERIC = 0.1;
const ON_SYMPTOM = 0.4;

export function rankActions(
  actions: readonly ActionScope[],
  series: readonly SeriesKey[],
  causes: readonly Cause[],
): RankedAction[] {
  const ranked: RankedAction[] = [];
  for (const action of actions) {
    const { signals, services } = action.appliesTo;
    if (signals.length === 0 && services.length === 0) {
      ranked.push({ action: action.id, score: GENERIC, reason: 'applies to any target' });
      continue;
    }
    const cause = causes
      .filter((candidate) => inScope(action.appliesTo, candidate))
      .sort((a, b) => b.score - a.score)[0];
    if (cause) {
      ranked.push({
        action: action.id,
        score: 0.5 + 0.5 * Math.min(1, Math.max(0, cause.score)),
        reason: `acts on the likely cause ${cause.signal}/${cause.service}`,
      });
    } else if (series.some((member) => inScope(action.appliesTo, member))) {
      ranked.push({ action: action.id, score: ON_SYMPTOM, reason: 'scoped to the incident’s series' });
    }
  }
  return ranked.sort((a, b) => b.score - a.score || a.action.localeCompare(b.action));
}
