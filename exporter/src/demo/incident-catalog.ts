/**
 * The four incidents the demo can stage, by fixed name (DESIGN Decision 3). Each one is a
 * pure effect on one service's conditions as a function of how far the incident has run,
 * so the same definition serves the schedule, the HTTP endpoint and the tests.
 */
import { TOPOLOGY, type ServiceName } from './topology.js';

export const INCIDENT_NAMES = ['error_spike', 'slow_burn', 'latency_shift', 'dependency_failure'] as const;
export type IncidentName = (typeof INCIDENT_NAMES)[number];

/** How a service behaves right now; incidents only ever make it worse. */
export interface Conditions {
  /** Share of requests the service fails on its own with a 500. */
  errorRate: number;
  /** Share of requests answered 503 because the service is (partly) down. */
  unavailableRate: number;
  /** Multiplies the service's whole response time, dependencies included. */
  latencyFactor: number;
}

/** The SLO the demo config sets for `error_ratio` (config/demo.yaml `threshold: 0.05`). */
export const ERROR_RATIO_SLO = 0.05;

const HOUR_MS = 3_600_000;

export interface IncidentSpec {
  name: IncidentName;
  description: string;
  defaultService: ServiceName;
  /** Demo time. */
  defaultDurationMs: number;
  /** `progress` runs from 0 at the start to 1 at the planned end. */
  apply(conditions: Conditions, progress: number, service: ServiceName): Conditions;
}

export const INCIDENTS: Readonly<Record<IncidentName, IncidentSpec>> = {
  error_spike: {
    name: 'error_spike',
    description: 'the service fails about 25% of its requests at once (500)',
    defaultService: 'payments',
    defaultDurationMs: 3 * HOUR_MS,
    apply: (conditions) => ({ ...conditions, errorRate: Math.max(conditions.errorRate, 0.25) }),
  },
  slow_burn: {
    name: 'slow_burn',
    description: `the error rate climbs linearly from base to ${2 * ERROR_RATIO_SLO} (twice the ${ERROR_RATIO_SLO} SLO), breaching about halfway`,
    defaultService: 'checkout',
    defaultDurationMs: 6 * HOUR_MS,
    apply: (conditions, progress, service) => {
      const base = TOPOLOGY[service].baseErrorRate;
      const rate = base + (2 * ERROR_RATIO_SLO - base) * Math.min(1, Math.max(0, progress));
      return { ...conditions, errorRate: Math.max(conditions.errorRate, rate) };
    },
  },
  latency_shift: {
    name: 'latency_shift',
    description: 'the service answers three times slower; its callers slow down with it',
    defaultService: 'catalog',
    defaultDurationMs: 4 * HOUR_MS,
    apply: (conditions) => ({ ...conditions, latencyFactor: conditions.latencyFactor * 3 }),
  },
  dependency_failure: {
    name: 'dependency_failure',
    description: 'the service is half down (503), and the failures cascade to its callers',
    defaultService: 'inventory',
    defaultDurationMs: 3 * HOUR_MS,
    apply: (conditions) => ({
      ...conditions,
      unavailableRate: 1 - (1 - conditions.unavailableRate) * (1 - 0.5),
    }),
  },
};

export function isIncidentName(value: unknown): value is IncidentName {
  return typeof value === 'string' && (INCIDENT_NAMES as readonly string[]).includes(value);
}

export function baseConditions(service: ServiceName): Conditions {
  return { errorRate: TOPOLOGY[service].baseErrorRate, unavailableRate: 0, latencyFactor: 1 };
}
