/**
 * Metrics of a generated call graph, step by step (5-minute aggregates): each service's own
 * latency and failures plus what its calls add, seen through each call's lag; requests flow
 * down from the entries. One fault at the root; distractors elsewhere (trouble that was
 * already there, one-off spikes) so that "the biggest change wins" is not enough.
 */
import { standardNormal } from '../../random/distributions.js';
import type { Random } from '../../random/mulberry32.js';
import type { Topology } from './synthetic-topology.js';

/** One day of 5-minute steps. */
export const STEPS_PER_DAY = 288;

export interface Profile {
  latency: number;
  /** Log-scale noise of the service's own latency. */
  noise: number;
  /** Amplitude and phase of its daily cycle. */
  season: number;
  phase: number;
  /** Share of requests it fails on its own. */
  failures: number;
}

export interface Disturbance {
  node: string;
  metric: 'latency' | 'failures';
  /** First step affected; `ramp` steps to reach `size`; `until` exclusive (spikes last one step). */
  start: number;
  ramp: number;
  until: number;
  /** Latency: relative increase; failures: absolute share added. */
  size: number;
}

export interface NodeMetrics {
  latency: number[];
  p90: number[];
  availability: number[];
  requests: number[];
}

function effect(d: Disturbance, t: number): number {
  if (t < d.start || t >= d.until) return 0;
  return d.size * Math.min(1, (t - d.start + 1) / (d.ramp + 1));
}

/** Real services have heavy tails: now and then (2% of steps) a step is 2 to 5 times worse. */
function burst(random: Random): number {
  return random() < 0.02 ? 2 + 3 * random() : 1;
}

function daily(profile: Profile, t: number): number {
  return 1 + profile.season * Math.sin((2 * Math.PI * t) / STEPS_PER_DAY + profile.phase);
}

interface StepState {
  latency: Map<string, number[]>;
  failures: Map<string, number[]>;
}

function step(
  topology: Topology,
  profiles: Map<string, Profile>,
  disturbances: Disturbance[],
  state: StepState,
  t: number,
  random: Random,
): void {
  for (const node of topology.order) {
    const p = profiles.get(node)!;
    const mine = disturbances.filter((d) => d.node === node);
    const slower = mine.filter((d) => d.metric === 'latency').reduce((f, d) => f * (1 + effect(d, t)), 1);
    let latency =
      p.latency * daily(p, t) * Math.exp(p.noise * standardNormal(random)) * slower * burst(random);
    let failures = p.failures * Math.abs(1 + 0.5 * standardNormal(random)) * burst(random);
    failures += mine.filter((d) => d.metric === 'failures').reduce((sum, d) => sum + effect(d, t), 0);
    for (const call of topology.calls.get(node)!) {
      const at = Math.max(0, t - call.lag);
      latency += call.rate * call.fanOut * state.latency.get(call.callee)![at]!;
      failures += call.rate * call.passOn * state.failures.get(call.callee)![at]!;
    }
    state.latency.get(node)![t] = latency;
    state.failures.get(node)![t] = Math.min(1, failures);
  }
}

function requests(topology: Topology, steps: number, random: Random): Map<string, number[]> {
  const counts = new Map(topology.order.map((node) => [node, new Array<number>(steps).fill(0)]));
  for (let t = 0; t < steps; t += 1) {
    const load = 1000 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / STEPS_PER_DAY));
    for (const entry of topology.entries) counts.get(entry)![t] = load * (1 + 0.05 * standardNormal(random));
    for (const node of [...topology.order].reverse())
      for (const call of topology.calls.get(node)!)
        counts.get(call.callee)![t]! += counts.get(node)![t]! * call.rate * call.fanOut;
  }
  for (const series of counts.values()) series.forEach((v, t) => (series[t] = Math.round(v)));
  return counts;
}

export function simulate(
  topology: Topology,
  profiles: Map<string, Profile>,
  disturbances: Disturbance[],
  steps: number,
  random: Random,
): Map<string, NodeMetrics> {
  const blank = () => new Map(topology.order.map((node) => [node, new Array<number>(steps).fill(0)]));
  const state: StepState = { latency: blank(), failures: blank() };
  for (let t = 0; t < steps; t += 1) step(topology, profiles, disturbances, state, t, random);
  const counts = requests(topology, steps, random);
  return new Map(
    topology.order.map((node) => {
      const latency = state.latency.get(node)!;
      return [
        node,
        {
          latency,
          p90: latency.map((l) => l * Math.exp(0.3 + 0.1 * standardNormal(random))),
          availability: state.failures.get(node)!.map((f) => 100 * (1 - f)),
          requests: counts.get(node)!,
        },
      ];
    }),
  );
}
