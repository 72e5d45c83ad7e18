/**
 * The JSON shapes of `/demo/state` and the incident endpoints. Times are given twice:
 * on the demo clock (what the schedule speaks) and as real RFC 3339 instants (what
 * Prometheus and Omen's anomalies speak), so the two can be lined up without arithmetic.
 */
import { formatDuration } from '../config/duration.js';
import { formatDemoTime, type DemoClock } from './demo-clock.js';
import { progress, type Incident } from './incident-book.js';
import { INCIDENT_NAMES, INCIDENTS } from './incident-catalog.js';
import type { Simulation } from './simulation.js';
import { callersOf, PROPAGATION_PROBABILITY, SERVICE_NAMES, TOPOLOGY } from './topology.js';
import { cycleRate } from './traffic.js';

export interface IncidentView {
  name: string;
  service: string;
  origin: string;
  /** Demo clock, e.g. "day 0 04:00:00". */
  start: string;
  end: string;
  startedAt: string;
  endsAt: string;
  /** 0 at the start, 1 at the planned end. */
  progress: number;
}

export function describeIncident(incident: Incident, clock: DemoClock, nowRealMs: number): IncidentView {
  return {
    name: incident.name,
    service: incident.service,
    origin: incident.origin,
    start: formatDemoTime(incident.startDemoMs),
    end: formatDemoTime(incident.endDemoMs),
    startedAt: new Date(clock.realMs(incident.startDemoMs)).toISOString(),
    endsAt: new Date(clock.realMs(incident.endDemoMs)).toISOString(),
    progress: round(progress(incident, clock.demoMs(nowRealMs)), 3),
  };
}

export function describeDemo(
  simulation: Simulation,
  nowRealMs: number,
  settings: { dayLength: string; tickMs: number },
) {
  const { clock } = simulation;
  const demoMs = clock.demoMs(nowRealMs);
  return {
    demoTime: formatDemoTime(demoMs),
    demoSeconds: Math.floor(demoMs / 1000),
    dayLength: settings.dayLength,
    speed: clock.speed,
    tickMs: settings.tickMs,
    seed: simulation.seed,
    startedAt: new Date(clock.startRealMs).toISOString(),
    expectedRequestsPerSecond: round(cycleRate(demoMs, simulation.peakPerSecond), 2),
    requests: simulation.requests,
    propagationProbability: PROPAGATION_PROBABILITY,
    services: SERVICE_NAMES.map((name) => ({
      name,
      baseErrorRate: TOPOLOGY[name].baseErrorRate,
      latencyMedianMs: TOPOLOGY[name].latency.medianMs,
      dependencies: TOPOLOGY[name].calls.map((call) => ({ ...call })),
      /** Where this service's failures can show: its direct and indirect callers. */
      callers: callersOf(name),
    })),
    incidents: {
      active: simulation.activeIncidents(nowRealMs).map((i) => describeIncident(i, clock, nowRealMs)),
      available: INCIDENT_NAMES.map((name) => ({
        name,
        description: INCIDENTS[name].description,
        defaultService: INCIDENTS[name].defaultService,
        defaultDuration: formatDuration(INCIDENTS[name].defaultDurationMs),
      })),
    },
    schedule: {
      enabled: simulation.scheduleEnabled,
      daily: simulation.scheduleEntries.map((entry) => ({ ...entry })),
    },
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
