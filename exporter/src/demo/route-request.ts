/**
 * One external request walked through the call graph. Every service call is recorded on
 * its own, as a service's instrumentation would see it: its latency includes the calls it
 * waited for, and its status reflects its own failures plus the dependency failures it
 * could not absorb.
 */
import { logNormal } from '../random/distributions.js';
import type { Conditions } from './incident-catalog.js';
import type { Random } from '../random/mulberry32.js';
import { PROPAGATION_PROBABILITY, TOPOLOGY, type ServiceName } from './topology.js';

export type StatusCode = 200 | 500 | 503;
export const STATUS_CODES: readonly StatusCode[] = [200, 500, 503];

/** Where finished service calls go: prom-client metrics in the app, a tally in tests. */
export interface CallRecorder {
  record(service: ServiceName, code: StatusCode, seconds: number): void;
}

export interface RouteContext {
  random: Random;
  conditions: Readonly<Record<ServiceName, Conditions>>;
  recorder: CallRecorder;
}

export interface CallOutcome {
  code: StatusCode;
  seconds: number;
}

export function routeRequest(service: ServiceName, context: RouteContext): CallOutcome {
  const { random, conditions, recorder } = context;
  const spec = TOPOLOGY[service];
  const own = conditions[service];
  let seconds = logNormal(random, spec.latency.medianMs, spec.latency.sigma) / 1000;
  let code: StatusCode = 200;
  for (const call of spec.calls) {
    if (random() >= call.probability) continue;
    const outcome = routeRequest(call.service, context);
    seconds += outcome.seconds;
    // The caller passes the dependency's status on (an unavailable dependency makes it
    // unavailable too) — but only when its retry or fallback did not absorb the failure.
    if (outcome.code !== 200 && code === 200 && random() < PROPAGATION_PROBABILITY) code = outcome.code;
  }
  if (code === 200 && random() < own.unavailableRate) code = 503;
  else if (code === 200 && random() < own.errorRate) code = 500;
  seconds *= own.latencyFactor;
  recorder.record(service, code, seconds);
  return { code, seconds };
}
