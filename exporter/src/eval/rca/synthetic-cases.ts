/**
 * The varied-cause RCA set: generated call graphs, each with one injected fault whose root
 * is known — any service, a latency or a failure fault, sudden or ramping — seen from an
 * entry service that depends on it, among distractors. Deterministic for a seed.
 */
import { sustainedOnset } from '../../models/rca/features.js';
import { downstreamOf } from '../../models/rca/graph.js';
import { badnessSeries, robustScale } from '../../models/rca/robust-change.js';
import type { RcaCase, RcaSeries } from '../../models/rca/types.js';
import { logNormal } from '../../random/distributions.js';
import { mulberry32, type Random } from '../../random/mulberry32.js';
import type { LabelledCase } from './labelled-case.js';
import {
  simulate,
  STEPS_PER_DAY,
  type Disturbance,
  type NodeMetrics,
  type Profile,
} from './synthetic-traffic.js';
import { pick, randomTopology, type Topology } from './synthetic-topology.js';

export const GENERATED = 'generated';
const BASELINE = STEPS_PER_DAY;
/**
 * Incident windows are short, as in PetShop (5–9 steps): 6 to 20 steps here, of which 2 to 6
 * come before the fault (the window opens a little early) and at least 3 after it.
 */
const WINDOW = { min: 6, max: 20 };
const LEAD_IN = { min: 2, max: 6 };
const MISSING_METRICS = 0.1;
const ATTEMPTS = 50;

function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function profile(random: Random): Profile {
  return {
    latency: logNormal(random, 0.02, 0.7),
    noise: uniform(random, 0.03, 0.3),
    season: uniform(random, 0, 0.25),
    phase: uniform(random, 0, 2 * Math.PI),
    failures: uniform(random, 0, 0.005),
  };
}

function distractor(random: Random, node: string, window: number): Disturbance {
  const metric = random() < 0.5 ? 'latency' : 'failures';
  const size = metric === 'latency' ? uniform(random, 1, 4) : uniform(random, 0.05, 0.3);
  if (random() < 0.5) {
    // Already in trouble before the incident window opens, and still.
    const start = BASELINE - Math.floor(random() * 12);
    return { node, metric, start, ramp: 0, until: BASELINE + window, size };
  }
  const start = BASELINE + Math.floor(random() * window);
  return { node, metric, start, ramp: 0, until: start + 1, size: 2 * size };
}

function toSeries(metrics: Map<string, NodeMetrics>, without: Set<string>): RcaSeries[] {
  const split = (values: number[]) => ({
    baseline: values.slice(0, BASELINE),
    window: values.slice(BASELINE),
  });
  return [...metrics].flatMap(([node, m]) =>
    without.has(node)
      ? []
      : [
          { node, metric: 'latency:Average', direction: 'up' as const, ...split(m.latency) },
          { node, metric: 'latency:p90', direction: 'up' as const, ...split(m.p90) },
          { node, metric: 'availability:Average', direction: 'down' as const, ...split(m.availability) },
          { node, metric: 'requests:Sum', direction: 'both' as const, ...split(m.requests) },
        ],
  );
}

/** When the symptom's alert fires: its first lasting move once the fault has begun, or null. */
export function alertStep(input: RcaCase, faultStep: number): number | null {
  const s = input.series.find((x) => x.node === input.symptom.node && x.metric === input.symptom.metric)!;
  const scale = robustScale(s.baseline);
  if (!scale) return null;
  const onset = sustainedOnset(badnessSeries(s.window, scale, s.direction).slice(faultStep));
  return onset === null ? null : faultStep + onset;
}

function callsOf(topology: Topology): Map<string, string[]> {
  return new Map([...topology.calls].map(([node, calls]) => [node, calls.map((c) => c.callee)]));
}

function attempt(random: Random, id: string): LabelledCase | null {
  const topology = randomTopology(random);
  const calls = callsOf(topology);
  const profiles = new Map(topology.order.map((node) => [node, profile(random)]));
  const root = pick(random, topology.order);
  const symptomNode = pick(
    random,
    topology.entries.filter((e) => e === root || downstreamOf(calls, e).has(root)),
  );
  const kind = random() < 0.5 ? 'latency' : 'failures';
  const window = between(random, WINDOW.min, WINDOW.max);
  const start = BASELINE + between(random, LEAD_IN.min, Math.min(LEAD_IN.max, window - 3));
  const size = kind === 'latency' ? uniform(random, 1.5, 8) : uniform(random, 0.05, 0.4);
  const fault: Disturbance = {
    node: root,
    metric: kind,
    start,
    ramp: Math.floor(random() * 3),
    until: Infinity,
    size,
  };
  const others = topology.order.filter((n) => n !== root);
  const distractors = Array.from({ length: Math.floor(random() * 3) }, () =>
    distractor(random, pick(random, others), window),
  );
  const metrics = simulate(topology, profiles, [fault, ...distractors], BASELINE + window, random);
  const without = new Set(others.filter((n) => n !== symptomNode && random() < MISSING_METRICS));
  const metric = kind === 'latency' ? 'latency:Average' : 'availability:Average';
  const input: RcaCase = {
    symptom: { node: symptomNode, metric },
    onset: 0,
    series: toSeries(metrics, without),
    calls,
  };
  const alert = alertStep(input, start - BASELINE);
  if (alert === null) return null;
  input.onset = alert;
  return {
    scenario: GENERATED,
    id,
    targetMetric: kind === 'latency' ? 'latency' : 'availability',
    rootCause: root,
    input,
  };
}

/** `count` cases; case i depends only on (seed, i), so a subset replays exactly. */
export function generateCases(options: { seed: number; count: number }): LabelledCase[] {
  return Array.from({ length: options.count }, (_, i) => {
    const random = mulberry32(options.seed * 100_003 + i);
    for (let k = 0; k < ATTEMPTS; k += 1) {
      const labelled = attempt(random, `${GENERATED}/case_${i}`);
      if (labelled) return labelled;
    }
    throw new Error(`generated case ${i} (seed ${options.seed}) never showed its symptom`);
  });
}
