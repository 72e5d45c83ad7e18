import { describe, expect, it } from 'vitest';
import { DemoMetrics } from './demo-metrics.js';
import type { IncidentName } from './incident-catalog.js';
import type { CallRecorder, StatusCode } from './route-request.js';
import { Simulation } from './simulation.js';
import { callersOf, TOPOLOGY, type ServiceName } from './topology.js';

const DAY_MS = 24 * 60_000; // the default 24-minute demo day, in real ms
const DEMO_HOUR = DAY_MS / 24; // one demo hour = one real minute
const TICK = 250;

/** Counts every service call, so a test can read ratios over any window. */
class Tally implements CallRecorder {
  calls = new Map<ServiceName, { total: number; failed: number; latencies: number[] }>();
  record(service: ServiceName, code: StatusCode, seconds: number): void {
    const entry = this.calls.get(service) ?? { total: 0, failed: 0, latencies: [] };
    entry.total += 1;
    if (code >= 500) entry.failed += 1;
    entry.latencies.push(seconds);
    this.calls.set(service, entry);
  }
  errorRatio(service: ServiceName): number {
    const entry = this.calls.get(service)!;
    return entry.failed / entry.total;
  }
  medianLatency(service: ServiceName): number {
    const sorted = [...this.calls.get(service)!.latencies].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }
}

function simulation(recorder: CallRecorder, seed = 7) {
  return new Simulation({ seed, dayLengthMs: DAY_MS, schedule: 'off', startRealMs: 0, recorder });
}

/** Steps `sim` tick by tick from `from` to `to` (real ms), recording into a fresh tally. */
function window(sim: Simulation, swap: (tally: Tally) => void, from: number, to: number): Tally {
  const tally = new Tally();
  sim.step(from);
  swap(tally);
  for (let t = from + TICK; t <= to; t += TICK) sim.step(t);
  return tally;
}

/** A simulation whose recorder can be swapped, so each window is counted on its own. */
function swappable(seed = 7) {
  let current: CallRecorder = new Tally();
  const sim = simulation({ record: (...args) => current.record(...args) }, seed);
  return { sim, swap: (tally: Tally) => (current = tally) };
}

function withIncident(name: IncidentName, hours: number, service?: ServiceName) {
  const { sim, swap } = swappable();
  const before = window(sim, swap, 10 * DEMO_HOUR, 12 * DEMO_HOUR);
  sim.startIncident(name, { ...(service ? { service } : {}), durationMs: hours * 3_600_000 }, 12 * DEMO_HOUR);
  const during = window(sim, swap, 12 * DEMO_HOUR, (12 + hours) * DEMO_HOUR);
  return { before, during };
}

describe('the simulation, stepped with explicit times', () => {
  it('replays the same counters for the same seed and tick times, and others for another seed', async () => {
    const exposition = async (seed: number) => {
      const metrics = new DemoMetrics({
        dayLength: '24m',
        schedule: 'off',
        live: () => ({ demoMs: 0, incidents: sim.activeIncidents(0) }),
      });
      const sim = simulation(metrics, seed);
      sim.startIncident('error_spike', {}, 60_000);
      for (let t = TICK; t <= 3 * 60_000; t += TICK) sim.step(t);
      return metrics.registry.metrics();
    };
    const first = await exposition(42);
    expect(first).toMatch(/http_requests_total\{service="payments",code="500"\} [1-9]/);
    expect(await exposition(42)).toBe(first);
    expect(await exposition(43)).not.toBe(first);
  });

  it('follows a daily cycle: midday traffic is about 3× the night', () => {
    const sim = simulation(new Tally());
    const requestsBetween = (fromHour: number, toHour: number) => {
      sim.step(fromHour * DEMO_HOUR);
      let count = 0;
      for (let t = fromHour * DEMO_HOUR + TICK; t <= toHour * DEMO_HOUR; t += TICK) count += sim.step(t);
      return count / ((toHour - fromHour) * 60); // per real second
    };
    const night = requestsBetween(0, 2);
    const peak = requestsBetween(12, 14);
    expect(night).toBeGreaterThan(8);
    expect(night).toBeLessThan(16);
    expect(peak).toBeGreaterThan(32);
    expect(peak).toBeLessThan(48);
    expect(peak / night).toBeGreaterThan(2.5);
    expect(peak / night).toBeLessThan(4.2);
  });

  it('scales its traffic to the configured peak, and refuses a nonsensical one', () => {
    const busy = new Simulation({
      seed: 7,
      dayLengthMs: DAY_MS,
      schedule: 'off',
      startRealMs: 0,
      recorder: new Tally(),
      peakRequestsPerSecond: 400,
    });
    busy.step(12 * DEMO_HOUR);
    let count = 0;
    for (let t = 12 * DEMO_HOUR + TICK; t <= 14 * DEMO_HOUR; t += TICK) count += busy.step(t);
    const perSecond = count / 120;
    expect(perSecond).toBeGreaterThan(320);
    expect(perSecond).toBeLessThan(480);
    const options = {
      seed: 7,
      dayLengthMs: DAY_MS,
      schedule: 'off' as const,
      startRealMs: 0,
      recorder: new Tally(),
    };
    expect(() => new Simulation({ ...options, peakRequestsPerSecond: 0 })).toThrow(
      'demo peak traffic must be between 0 and 10000 requests per second, got 0',
    );
  });

  it('error_spike: payments fails ~25% while catalog and inventory stay at base', () => {
    const { before, during } = withIncident('error_spike', 2);
    expect(before.errorRatio('payments')).toBeLessThan(0.03);
    expect(during.errorRatio('payments')).toBeGreaterThan(0.2);
    expect(during.errorRatio('payments')).toBeLessThan(0.3);
    // Not on payments' caller path (frontend → checkout → payments): unaffected.
    expect(callersOf('payments')).toEqual(['frontend', 'checkout']);
    for (const quiet of ['catalog', 'inventory'] as const)
      expect(during.errorRatio(quiet)).toBeLessThan(TOPOLOGY[quiet].baseErrorRate * 3 + 0.005);
    // Its caller sees about half of it.
    expect(during.errorRatio('checkout')).toBeGreaterThan(0.08);
  });

  it('error_spike hits the service it is given', () => {
    const { during } = withIncident('error_spike', 1, 'inventory');
    expect(during.errorRatio('inventory')).toBeGreaterThan(0.2);
    expect(during.errorRatio('payments')).toBeLessThan(0.03);
  });

  it('dependency_failure: inventory half down cascades to its callers, weaker at each hop', () => {
    const { before, during } = withIncident('dependency_failure', 2);
    const inventory = during.errorRatio('inventory');
    const catalog = during.errorRatio('catalog');
    const checkout = during.errorRatio('checkout');
    const frontend = during.errorRatio('frontend');
    expect(inventory).toBeGreaterThan(0.45);
    expect(inventory).toBeLessThan(0.55);
    // checkout calls inventory every time, catalog half the time; each absorbs half.
    expect(checkout).toBeGreaterThan(0.2);
    expect(checkout).toBeLessThan(inventory);
    expect(catalog).toBeGreaterThan(0.09);
    expect(catalog).toBeLessThan(checkout);
    expect(frontend).toBeGreaterThan(5 * before.errorRatio('frontend'));
    expect(frontend).toBeLessThan(catalog + checkout);
    // payments is a dependency, not a caller: untouched.
    expect(during.errorRatio('payments')).toBeLessThan(0.02);
    const unavailable = during.calls.get('inventory')!;
    expect(unavailable.failed).toBeGreaterThan(0);
  });

  it('slow_burn: checkout errors climb steadily from base past the 5% SLO toward 10%', () => {
    const { sim, swap } = swappable();
    sim.startIncident('slow_burn', {}, 13 * DEMO_HOUR);
    const blocks = [0, 1, 2].map((i) =>
      window(sim, swap, (13 + 2 * i) * DEMO_HOUR, (15 + 2 * i) * DEMO_HOUR).errorRatio('checkout'),
    );
    expect(blocks[0]).toBeLessThan(0.05);
    expect(blocks[1]).toBeGreaterThan(blocks[0]! + 0.005);
    expect(blocks[2]).toBeGreaterThan(blocks[1]! + 0.005);
    expect(blocks[2]).toBeGreaterThan(0.07);
    expect(blocks[2]).toBeLessThan(0.13);
    // It ends after its 6 demo hours.
    expect(sim.activeIncidents(19 * DEMO_HOUR + 1)).toEqual([]);
  });

  it('latency_shift: catalog answers about 3× slower, its caller slower too, payments unchanged', () => {
    const { before, during } = withIncident('latency_shift', 2);
    const ratio = during.medianLatency('catalog') / before.medianLatency('catalog');
    expect(ratio).toBeGreaterThan(2.6);
    expect(ratio).toBeLessThan(3.4);
    expect(during.medianLatency('frontend')).toBeGreaterThan(1.5 * before.medianLatency('frontend'));
    const payments = during.medianLatency('payments') / before.medianLatency('payments');
    expect(payments).toBeGreaterThan(0.85);
    expect(payments).toBeLessThan(1.15);
    expect(during.errorRatio('catalog')).toBeLessThan(0.02);
  });

  it('moves the catalog latency histogram in the exposed metrics', async () => {
    const metrics = new DemoMetrics({
      dayLength: '24m',
      schedule: 'off',
      live: () => ({ demoMs: 0, incidents: [] }),
    });
    const sim = simulation(metrics);
    const shareUnder50ms = async () => {
      const text = await metrics.registry.metrics();
      const bucket = (le: string) =>
        Number(
          new RegExp(
            `http_request_duration_seconds_bucket\\{le="${le.replace('+', '\\+')}",service="catalog"\\} (\\d+)`,
          ).exec(text)![1],
        );
      return [bucket('0.05'), bucket('+Inf')] as const;
    };
    for (let t = TICK; t <= 2 * DEMO_HOUR; t += TICK) sim.step(t);
    const [fastBefore, allBefore] = await shareUnder50ms();
    sim.startIncident('latency_shift', {}, 2 * DEMO_HOUR);
    for (let t = 2 * DEMO_HOUR + TICK; t <= 4 * DEMO_HOUR; t += TICK) sim.step(t);
    const [fastAfter, allAfter] = await shareUnder50ms();
    const before = fastBefore / allBefore;
    const during = (fastAfter - fastBefore) / (allAfter - allBefore);
    expect(before).toBeGreaterThan(0.9);
    expect(during).toBeLessThan(0.6);
  });

  it('stops an incident early, and a second start of a running one returns it unchanged', () => {
    const sim = simulation(new Tally());
    sim.step(DEMO_HOUR);
    const first = sim.startIncident('error_spike', {}, DEMO_HOUR);
    const again = sim.startIncident('error_spike', { durationMs: 60_000 }, DEMO_HOUR + 5_000);
    expect(first.created).toBe(true);
    expect(again).toEqual({ incident: first.incident, created: false });
    expect(sim.stopIncident('error_spike')).toEqual([first.incident]);
    expect(sim.activeIncidents(DEMO_HOUR + 6_000)).toEqual([]);
  });
});
