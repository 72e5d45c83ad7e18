/**
 * The per-service multivariate detector in the pipeline (DESIGN Decision 14): each cycle,
 * every service with two or more fresh series adds the vector of their newest values to
 * its history; its isolation forest is retrained on that history every `refitEvery`
 * (a few services per cycle, the most overdue first) and scores the newest vector.
 * A service whose set of series changes starts its history over: the columns would not
 * mean the same thing.
 */
import {
  SERVICE_FOREST,
  type ServiceForest,
  type ServiceForestParams,
} from '../models/anomaly/service-forest.js';
import { serviceDetectors } from '../models/registry.js';
import type { ServiceAnomaly } from '../scores/series-score.js';
import type { TrackedSeries } from './series-tracker.js';

export interface ServiceAnomalyOptions {
  params: ServiceForestParams;
  /** Vectors kept per service. */
  history: number;
  refitEveryMs: number;
  /** Forests trained per cycle at most. */
  trainsPerCycle: number;
  random: () => number;
}

interface ServiceHistory {
  members: string[];
  rows: number[][];
  /** Newest sample time behind the last row (a row is added only when something is new). */
  lastSampleMs: number;
  model: ServiceForest | null;
  trainedAtMs: number;
}

export class ServiceAnomalies {
  private readonly services = new Map<string, ServiceHistory>();

  constructor(private readonly options: ServiceAnomalyOptions) {}

  /** Adds this cycle's vectors, retrains what is due, and scores every multi-series service. */
  update(live: readonly TrackedSeries[], nowMs: number): ServiceAnomaly[] {
    const groups = groupByService(live);
    for (const service of this.services.keys()) if (!groups.has(service)) this.services.delete(service);
    for (const [service, members] of groups) this.record(service, members);
    this.train(nowMs);
    return [...groups.keys()].sort().map((service) => this.score(service, groups.get(service) ?? []));
  }

  private record(service: string, members: TrackedSeries[]): void {
    const names = members.map((m) => m.signal);
    let history = this.services.get(service);
    if (!history || history.members.join('\u0000') !== names.join('\u0000')) {
      history = { members: names, rows: [], lastSampleMs: -Infinity, model: null, trainedAtMs: -Infinity };
      this.services.set(service, history);
    }
    const newest = Math.max(...members.map((m) => m.lastSampleMs));
    if (newest <= history.lastSampleMs) return;
    history.lastSampleMs = newest;
    history.rows.push(members.map((m) => m.lastValue));
    // Trimmed in tenths, so the copy is rare.
    if (history.rows.length > this.options.history * 1.1)
      history.rows.splice(0, history.rows.length - this.options.history);
  }

  private train(nowMs: number): void {
    const { params, refitEveryMs, trainsPerCycle, random } = this.options;
    const due = [...this.services.values()]
      .filter((h) => h.rows.length >= params.minVectors && nowMs - h.trainedAtMs >= refitEveryMs)
      .sort((a, b) => a.trainedAtMs - b.trainedAtMs)
      .slice(0, trainsPerCycle);
    for (const history of due) {
      history.model = serviceDetectors[SERVICE_FOREST].train(history.rows, params, random);
      history.trainedAtMs = nowMs;
    }
  }

  private score(service: string, members: TrackedSeries[]): ServiceAnomaly {
    const history = this.services.get(service);
    const row = history?.rows.at(-1);
    if (!history?.model || !row)
      return { service, score: null, members: history?.members ?? [], explanation: null };
    const { score, driver, driverZ } = serviceDetectors[SERVICE_FOREST].score(history.model, row);
    const member = members[driver];
    return {
      service,
      score,
      members: history.members,
      explanation: member
        ? `${member.signal} ${member.lastValue.toPrecision(3)} is ${driverZ.toFixed(1)} robust z from its usual ${history.model.centre[driver]?.toPrecision(3)}, the furthest of ${history.members.length} series`
        : null,
    };
  }
}

/** Services with at least two series, each service's members in signal order. */
function groupByService(live: readonly TrackedSeries[]): Map<string, TrackedSeries[]> {
  const groups = new Map<string, TrackedSeries[]>();
  for (const series of live) groups.set(series.service, [...(groups.get(series.service) ?? []), series]);
  for (const [service, members] of groups) {
    if (members.length < 2) groups.delete(service);
    else members.sort((a, b) => (a.signal < b.signal ? -1 : a.signal > b.signal ? 1 : 0));
  }
  return groups;
}
