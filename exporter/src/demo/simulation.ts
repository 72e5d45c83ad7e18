/**
 * The demo's core: demo clock, traffic, incidents and request routing, advanced by
 * explicit real timestamps. No timers and no HTTP here, so tests step it through a whole
 * demo day in milliseconds and get the same counters for the same seed every time.
 */
import { DemoClock } from './demo-clock.js';
import { poisson } from '../random/distributions.js';
import { IncidentBook, type Incident, type IncidentOrigin } from './incident-book.js';
import { INCIDENTS, type Conditions, type IncidentName } from './incident-catalog.js';
import { mulberry32, type Random } from '../random/mulberry32.js';
import { routeRequest, type CallRecorder } from './route-request.js';
import { DAILY_SCHEDULE, dueOccurrences, type ScheduleEntry } from './schedule.js';
import { ENTRY_SERVICE, SERVICE_NAMES, type ServiceName } from './topology.js';
import { cycleRate, TRAFFIC, TrafficNoise } from './traffic.js';

/**
 * Long steps are cut into slices of at most this much real time, so the daily cycle and
 * incident starts are followed closely even when a test jumps ahead by minutes.
 */
const MAX_SLICE_MS = 1_000;
/**
 * A process that was suspended (a laptop lid, a debugger) does not replay its backlog in
 * one burst: only the last minute of a longer gap gets traffic. Incidents still start and
 * end on time.
 */
const MAX_CATCH_UP_MS = 60_000;

export interface IncidentEvent {
  kind: 'started' | 'ended' | 'stopped';
  incident: Incident;
}

export interface SimulationOptions {
  seed: number;
  dayLengthMs: number;
  schedule: 'on' | 'off';
  /** Real time at which the demo clock shows 00:00 of day 0. */
  startRealMs: number;
  recorder: CallRecorder;
  /** Requests per second at the daily peak; more traffic means finer-grained error ratios. */
  peakRequestsPerSecond?: number;
  onIncident?: (event: IncidentEvent) => void;
  scheduleEntries?: readonly ScheduleEntry[];
}

export class Simulation {
  readonly clock: DemoClock;
  readonly seed: number;
  readonly scheduleEnabled: boolean;
  readonly peakPerSecond: number;
  readonly scheduleEntries: readonly ScheduleEntry[];
  private readonly random: Random;
  private readonly noise: TrafficNoise;
  private readonly incidents = new IncidentBook();
  private readonly recorder: CallRecorder;
  private readonly onIncident: (event: IncidentEvent) => void;
  private lastRealMs: number;
  private requestCount = 0;

  constructor(options: SimulationOptions) {
    if (!Number.isInteger(options.seed)) throw new Error(`demo seed must be an integer, got ${options.seed}`);
    this.clock = new DemoClock(options.startRealMs, options.dayLengthMs);
    this.seed = options.seed;
    this.scheduleEnabled = options.schedule === 'on';
    this.scheduleEntries = options.scheduleEntries ?? DAILY_SCHEDULE;
    this.random = mulberry32(options.seed);
    this.noise = new TrafficNoise(this.random);
    this.recorder = options.recorder;
    this.peakPerSecond = options.peakRequestsPerSecond ?? TRAFFIC.peakPerSecond;
    if (!(this.peakPerSecond > 0) || this.peakPerSecond > 10_000) {
      throw new Error(
        `demo peak traffic must be between 0 and 10000 requests per second, got ${this.peakPerSecond}`,
      );
    }
    this.onIncident = options.onIncident ?? (() => undefined);
    this.lastRealMs = options.startRealMs;
  }

  /** External requests simulated so far. */
  get requests(): number {
    return this.requestCount;
  }

  /** Simulates everything between the previous step and `nowRealMs`; returns the requests. */
  step(nowRealMs: number): number {
    const before = this.requestCount;
    const trafficFrom = Math.max(this.lastRealMs, nowRealMs - MAX_CATCH_UP_MS);
    if (trafficFrom > this.lastRealMs) {
      this.advanceIncidents(this.clock.demoMs(this.lastRealMs), this.clock.demoMs(trafficFrom));
      this.lastRealMs = trafficFrom;
    }
    while (this.lastRealMs < nowRealMs) {
      const sliceEnd = Math.min(nowRealMs, this.lastRealMs + MAX_SLICE_MS);
      this.runSlice(this.lastRealMs, sliceEnd);
      this.lastRealMs = sliceEnd;
    }
    return this.requestCount - before;
  }

  /**
   * Starts an incident now (defaults from the catalog). If the same incident already runs
   * on that service, returns the running one unchanged (`created: false`).
   */
  startIncident(
    name: IncidentName,
    options: { service?: ServiceName; durationMs?: number },
    nowRealMs: number,
    origin: IncidentOrigin = 'api',
  ): { incident: Incident; created: boolean } {
    const spec = INCIDENTS[name];
    const durationMs = options.durationMs ?? spec.defaultDurationMs;
    if (!(durationMs > 0) || !Number.isFinite(durationMs))
      throw new RangeError(`incident duration must be a positive demo time, got ${durationMs} ms`);
    const nowDemoMs = this.clock.demoMs(nowRealMs);
    this.expire(nowDemoMs);
    const result = this.incidents.start({
      name,
      service: options.service ?? spec.defaultService,
      origin,
      startDemoMs: nowDemoMs,
      endDemoMs: nowDemoMs + durationMs,
    });
    if (result.created) this.onIncident({ kind: 'started', incident: result.incident });
    return result;
  }

  /** Stops the named incident (on one service, or wherever it runs); returns what stopped. */
  stopIncident(name: IncidentName, service?: ServiceName): Incident[] {
    const stopped = this.incidents.stop(name, service);
    for (const incident of stopped) this.onIncident({ kind: 'stopped', incident });
    return stopped;
  }

  activeIncidents(nowRealMs: number): Incident[] {
    return this.incidents.active(this.clock.demoMs(nowRealMs));
  }

  private runSlice(fromRealMs: number, toRealMs: number): void {
    const fromDemoMs = this.clock.demoMs(fromRealMs);
    const toDemoMs = this.clock.demoMs(toRealMs);
    this.advanceIncidents(fromDemoMs, toDemoMs);
    const perSecond = cycleRate(toDemoMs, this.peakPerSecond) * this.noise.advance(toDemoMs - fromDemoMs);
    const count = poisson(this.random, (perSecond * (toRealMs - fromRealMs)) / 1000);
    const context = { random: this.random, conditions: this.conditionsAt(toDemoMs), recorder: this.recorder };
    for (let i = 0; i < count; i += 1) routeRequest(ENTRY_SERVICE, context);
    this.requestCount += count;
  }

  private advanceIncidents(fromDemoMs: number, toDemoMs: number): void {
    this.expire(toDemoMs);
    if (!this.scheduleEnabled) return;
    for (const due of dueOccurrences(this.scheduleEntries, fromDemoMs, toDemoMs)) {
      if (due.endDemoMs <= toDemoMs) continue; // began and ended inside a skipped gap
      const { incident, created } = this.incidents.start({
        name: due.entry.incident,
        service: due.entry.service,
        origin: 'schedule',
        startDemoMs: due.startDemoMs,
        endDemoMs: due.endDemoMs,
      });
      if (created) this.onIncident({ kind: 'started', incident });
    }
  }

  private expire(nowDemoMs: number): void {
    for (const incident of this.incidents.expire(nowDemoMs)) this.onIncident({ kind: 'ended', incident });
  }

  private conditionsAt(demoMs: number): Record<ServiceName, Conditions> {
    const entries = SERVICE_NAMES.map((service) => [service, this.incidents.conditions(service, demoMs)]);
    return Object.fromEntries(entries) as Record<ServiceName, Conditions>;
  }
}
