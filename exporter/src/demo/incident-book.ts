/**
 * Which incidents are running, in demo time. One incident per (name, service): starting
 * one that is already running returns the running one unchanged, so a retried POST or a
 * schedule entry meeting a manual start never stacks or extends an incident.
 */
import { baseConditions, INCIDENTS, type Conditions, type IncidentName } from './incident-catalog.js';
import type { ServiceName } from './topology.js';

export type IncidentOrigin = 'schedule' | 'api';

export interface Incident {
  name: IncidentName;
  service: ServiceName;
  origin: IncidentOrigin;
  /** Demo milliseconds; the incident is active on [startDemoMs, endDemoMs). */
  startDemoMs: number;
  endDemoMs: number;
}

export class IncidentBook {
  private readonly running: Incident[] = [];

  /** Starts `incident` unless one with its name already runs on its service. */
  start(incident: Incident): { incident: Incident; created: boolean } {
    const existing = this.running.find((i) => i.name === incident.name && i.service === incident.service);
    if (existing) return { incident: existing, created: false };
    const copy = { ...incident };
    this.running.push(copy);
    return { incident: copy, created: true };
  }

  /** Stops every running incident of that name (on one service if given); returns them. */
  stop(name: IncidentName, service?: ServiceName): Incident[] {
    return this.remove((i) => i.name === name && (service === undefined || i.service === service));
  }

  /** Drops incidents whose end has passed; returns them so their end can be reported. */
  expire(nowDemoMs: number): Incident[] {
    return this.remove((i) => i.endDemoMs <= nowDemoMs);
  }

  active(nowDemoMs: number): Incident[] {
    return this.running.filter((i) => i.startDemoMs <= nowDemoMs && nowDemoMs < i.endDemoMs);
  }

  private remove(predicate: (incident: Incident) => boolean): Incident[] {
    const removed = this.running.filter(predicate);
    for (const incident of removed) this.running.splice(this.running.indexOf(incident), 1);
    return removed;
  }

  /** The service's conditions with every incident active on it applied, in start order. */
  conditions(service: ServiceName, nowDemoMs: number): Conditions {
    let conditions = baseConditions(service);
    for (const incident of this.active(nowDemoMs)) {
      if (incident.service !== service) continue;
      conditions = INCIDENTS[incident.name].apply(conditions, progress(incident, nowDemoMs), service);
    }
    return conditions;
  }
}

/** 0 at the incident's start, 1 at its planned end. */
export function progress(incident: Incident, nowDemoMs: number): number {
  const span = incident.endDemoMs - incident.startDemoMs;
  return span > 0 ? Math.min(1, Math.max(0, (nowDemoMs - incident.startDemoMs) / span)) : 1;
}
