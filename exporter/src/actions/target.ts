/**
 * What an action acts on: an anomaly now, an incident once the incident store is there.
 * Each kind of target has its resolver behind one narrow interface, so incidents plug in
 * without the actions knowing how they are stored.
 */
import { inScope, type ActionScope, type Cause } from '../models/recommend/rank-actions.js';
import type { FeedbackStore, SeriesKey } from '../store/store.js';

export type TargetKind = 'anomaly' | 'incident';

export interface TargetRef {
  kind: TargetKind;
  id: string;
}

export interface ActionTarget extends TargetRef {
  /** The series it is about, the one it is named after first (an incident's symptom). */
  series: SeriesKey[];
  /** The anomalies an acknowledgement covers (an incident's members). */
  anomalyIds: string[];
  /** An incident's likely causes from its latest RCA, best first; none for an anomaly. */
  causes?: Cause[];
}

export interface TargetResolver {
  /** Undefined when there is no such target. */
  resolve(ref: TargetRef): Promise<ActionTarget | undefined>;
}

/** Thrown for a kind of target this Omen cannot resolve (incidents before they exist). */
export class UnsupportedTarget extends Error {
  constructor(readonly kind: TargetKind) {
    super(`${kind} targets are not available in this Omen`);
    this.name = 'UnsupportedTarget';
  }
}

export function anomalyTargets(store: Pick<FeedbackStore, 'getAnomaly'>): TargetResolver {
  return {
    async resolve(ref) {
      const anomaly = await store.getAnomaly(ref.id);
      if (!anomaly) return undefined;
      return {
        ...ref,
        series: [{ signal: anomaly.signal, service: anomaly.service }],
        anomalyIds: [anomaly.id],
      };
    },
  };
}

/** One resolver per kind; a kind without one is unsupported. */
export function targetResolver(byKind: Partial<Record<TargetKind, TargetResolver>>): TargetResolver {
  return {
    resolve(ref) {
      const resolver = byKind[ref.kind];
      if (!resolver) return Promise.reject(new UnsupportedTarget(ref.kind));
      return resolver.resolve(ref);
    },
  };
}

/** Whether an action's scope covers the target: any of its series is in scope. */
export function applies(scope: ActionScope['appliesTo'], target: ActionTarget): boolean {
  return target.series.some((series) => inScope(scope, series));
}
