/**
 * The demo application's cascades as an RCA set: for each incident the demo can stage and
 * each service it can target, run the demo's own simulation (seeded, stepped with explicit
 * times) through a day of normal traffic and then the incident, and sample every service's
 * request rate, error ratio and mean latency per step, as the exporter reads them from
 * `http_requests_total` and `http_request_duration_seconds`. The known root is the
 * incident's target; the symptom is the first service that depends on it (the entry
 * service first) whose alert fires. Deterministic for a seed.
 */
import { DEMO_DAY_MS } from '../../demo/demo-clock.js';
import { INCIDENT_NAMES, INCIDENTS, type IncidentName } from '../../demo/incident-catalog.js';
import type { StatusCode } from '../../demo/route-request.js';
import { Simulation } from '../../demo/simulation.js';
import { callersOf, ENTRY_SERVICE, SERVICE_NAMES, TOPOLOGY, type ServiceName } from '../../demo/topology.js';
import type { RcaCase, RcaSeries } from '../../models/rca/types.js';
import { mulberry32 } from '../../random/mulberry32.js';
import type { LabelledCase } from './labelled-case.js';
import { alertStep } from './synthetic-cases.js';

export const DEMO = 'demo';
/** The demo's default day: 24 real minutes, so one real second is one demo minute. */
const DAY_MS = 24 * 60_000;
/** One step, in real ms: five demo minutes, 288 steps a demo day (the generated set's too). */
const STEP_MS = 5_000;
const TICK_MS = 1_000;
const BASELINE_STEPS = 288;
/** The window opens a few steps before the incident starts, and follows it to its planned end. */
const LEAD_IN_STEPS = 4;
/** Demo ms per step (the demo clock runs DEMO_DAY_MS / DAY_MS times faster than real time). */
const STEP_DEMO_MS = (STEP_MS * DEMO_DAY_MS) / DAY_MS;

interface Counts {
  total: number;
  failed: number;
  seconds: number;
}

/** Per-service counters between two samples: what rate() over one step would read. */
class StepRecorder {
  private counts = new Map<ServiceName, Counts>();
  readonly samples = new Map<ServiceName, Counts[]>(SERVICE_NAMES.map((s) => [s, []]));

  record(service: ServiceName, code: StatusCode, seconds: number): void {
    const c = this.counts.get(service) ?? { total: 0, failed: 0, seconds: 0 };
    c.total += 1;
    if (code >= 500) c.failed += 1;
    c.seconds += seconds;
    this.counts.set(service, c);
  }

  sample(): void {
    for (const service of SERVICE_NAMES)
      this.samples.get(service)!.push(this.counts.get(service) ?? { total: 0, failed: 0, seconds: 0 });
    this.counts = new Map();
  }
}

function runIncident(
  seed: number,
  name: IncidentName,
  service: ServiceName,
  startRealMs: number,
): Map<ServiceName, Counts[]> {
  const recorder = new StepRecorder();
  const sim = new Simulation({ seed, dayLengthMs: DAY_MS, schedule: 'off', startRealMs: 0, recorder });
  sim.step(startRealMs); // warm-up: the last minute before the baseline, not sampled
  recorder.sample();
  recorder.samples.forEach((list) => list.splice(0));
  const steps = BASELINE_STEPS + LEAD_IN_STEPS + Math.ceil(INCIDENTS[name].defaultDurationMs / STEP_DEMO_MS);
  for (let i = 1; i <= steps; i += 1) {
    const end = startRealMs + i * STEP_MS;
    if (i === BASELINE_STEPS + LEAD_IN_STEPS + 1) sim.startIncident(name, { service }, end - STEP_MS, 'api');
    for (let t = end - STEP_MS + TICK_MS; t <= end; t += TICK_MS) sim.step(t);
    recorder.sample();
  }
  return recorder.samples;
}

function toSeries(samples: Map<ServiceName, Counts[]>): RcaSeries[] {
  const split = (values: number[]) => ({
    baseline: values.slice(0, BASELINE_STEPS),
    window: values.slice(BASELINE_STEPS),
  });
  return SERVICE_NAMES.flatMap((node) => {
    const steps = samples.get(node)!;
    const ratio = (num: (c: Counts) => number) => steps.map((c) => (c.total > 0 ? num(c) / c.total : NaN));
    return [
      { node, metric: 'error_ratio', direction: 'up' as const, ...split(ratio((c) => c.failed)) },
      { node, metric: 'latency:Average', direction: 'up' as const, ...split(ratio((c) => c.seconds)) },
      {
        node,
        metric: 'requests',
        direction: 'both' as const,
        ...split(steps.map((c) => c.total / (STEP_MS / 1000))),
      },
    ];
  });
}

const CALLS: ReadonlyMap<string, readonly string[]> = new Map(
  SERVICE_NAMES.map((s) => [s, TOPOLOGY[s].calls.map((c) => c.service)]),
);

/** Where the incident can show: the entry service first, then the target's other callers. */
function symptomCandidates(root: ServiceName): ServiceName[] {
  if (root === ENTRY_SERVICE) return [root];
  return [ENTRY_SERVICE, ...callersOf(root).filter((s) => s !== ENTRY_SERVICE)];
}

function buildCase(seed: number, name: IncidentName, root: ServiceName, index: number): LabelledCase | null {
  const random = mulberry32(seed * 100_003 + index);
  // A baseline day ending somewhere between 06:00 and 20:00, so incidents meet both quiet and busy traffic.
  const startRealMs = Math.floor((6 + 14 * random()) * (DAY_MS / 24));
  const simSeed = Math.floor(random() * 2 ** 31);
  const series = toSeries(runIncident(simSeed, name, root, startRealMs));
  const latency = name === 'latency_shift';
  const metric = latency ? 'latency:Average' : 'error_ratio';
  for (const node of symptomCandidates(root)) {
    const input: RcaCase = { symptom: { node, metric }, onset: 0, series, calls: CALLS };
    const alert = alertStep(input, LEAD_IN_STEPS);
    if (alert === null) continue;
    input.onset = alert;
    return {
      scenario: DEMO,
      id: `${DEMO}/${name}@${root}`,
      targetMetric: latency ? 'latency' : 'availability',
      rootCause: root,
      input,
    };
  }
  return null;
}

export interface DemoCases {
  cases: LabelledCase[];
  /** Incident/target pairs whose cascade no depending service alerted on. */
  silent: string[];
}

/** One case per incident kind and target service; each depends only on (seed, kind, target). */
export function demoCases(options: { seed: number }): DemoCases {
  const cases: LabelledCase[] = [];
  const silent: string[] = [];
  INCIDENT_NAMES.forEach((name, k) =>
    SERVICE_NAMES.forEach((root, s) => {
      const labelled = buildCase(options.seed, name, root, k * SERVICE_NAMES.length + s);
      if (labelled) cases.push(labelled);
      else silent.push(`${name}@${root}`);
    }),
  );
  return { cases, silent };
}
