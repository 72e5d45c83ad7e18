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

const same = (a: SeriesKey, b: SeriesKey) => a.signal === b.signal && a.service === b.service;

export class ActionRecommendations {
  constructor(
    private readonly actions: readonly ActionScope[],
    private readonly gauge: Gauge<string>,
  ) {}

  update(open: readonly GroupedIncident[], causes: readonly RcaScore[]): void {
    this.gauge.reset();
    if (this.actions.length === 0) return;
    for (const incident of open) {
      const symptom = symptomOf(incident);
      const own = causes
        .filter((cause) => same(cause.symptom, symptom))
        .map(({ cause, score }) => ({ ...cause, score }));
      for (const { action, score } of rankActions(this.actions, incident.members, own)) {
        this.gauge.set({ action, signal: symptom.signal, service: symptom.service }, score);
      }
    }
  }
}
