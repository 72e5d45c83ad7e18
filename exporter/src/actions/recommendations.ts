/**
 * Publishes, each cycle, the actions recommended for every open incident's symptom series
 * (`omen_action_recommended{action,signal,service}`, 0..1), ranked from the catalog and the
 * incident's likely causes. The gauge is rebuilt whole, so an incident that resolves, or
 * an action that no longer applies, leaves no stale series behind.
 */
import type { Gauge } from 'prom-client';
import { symptomOf, type GroupedIncident } from '../models/incident/grouping.js';
import { rankActions, type ActionScope } from '../models/recommend/rank-actions.js';
import type { RcaScore } from '../scores/incident-scores.js';
import type { SeriesKey } from '../store/store.js';
import type { AutoActions } from './auto-actions.js';

const same = (a: SeriesKey, b: SeriesKey) => a.signal === b.signal && a.service === b.service;

export class ActionRecommendations {
  constructor(
    private readonly actions: readonly ActionScope[],
    private readonly gauge: Gauge<string>,
    /** Runs the `auto: true` ones; absent, nothing runs on its own. */
    private readonly auto?: Pick<AutoActions, 'consider' | 'retain'>,
  ) {}

  update(open: readonly GroupedIncident[], causes: readonly RcaScore[]): void {
    this.gauge.reset();
    if (this.actions.length === 0) return;
    for (const incident of open) {
      const symptom = symptomOf(incident);
      const own = causes
        .filter((cause) => same(cause.symptom, symptom))
        .map(({ cause, score }) => ({ ...cause, score }));
      const ranked = rankActions(this.actions, incident.members, own);
      for (const { action, score } of ranked) {
        this.gauge.set({ action, signal: symptom.signal, service: symptom.service }, score);
      }
      if (incident.id !== null) this.auto?.consider(incident.id, ranked);
    }
    this.auto?.retain(new Set(open.flatMap((incident) => (incident.id === null ? [] : [incident.id]))));
  }
}
