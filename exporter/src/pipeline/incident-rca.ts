/**
 * Root-cause analysis of open incidents, in the pipeline: each open incident is analysed
 * when it opens and again at most once per `everyCycles` cycles (a few per cycle, the most
 * overdue first), over the step means of its services' series and of the services they
 * call. The ranking is stored, with the symptom's over-represented label values; the top
 * causes of open incidents are published.
 */
import { downstreamOf } from '../models/rca/graph.js';
import type { OverRepresentedValue } from '../models/rca/label-contrast.js';
import type { RcaRanker } from '../models/rca/types.js';
import { symptomOf, type GroupedIncident } from '../models/incident/grouping.js';
import type { RcaScore } from '../scores/incident-scores.js';
import type {
  IncidentAnalysis,
  IncidentCause,
  IncidentStore,
  SampleStore,
  SeriesKey,
} from '../store/store.js';
import { buildCase, caseFrame, hasBaseline, toCauses } from './rca-case.js';
import type { CallGraphView } from './service-graph.js';
import { contrastWindows, type ContrastWindows } from './symptom-contrast.js';

export interface IncidentRcaOptions {
  ranker: RcaRanker;
  stepMs: number;
  baselineMs: number;
  everyCycles: number;
  topK: number;
  /** The service dependency graph, when one is configured or learned. */
  graph?: CallGraphView;
  /** Incidents analysed per cycle at most. */
  perCycle: number;
  /** The symptom's over-represented label values, when a source can break it down. */
  contrast?: (symptom: SeriesKey, windows: ContrastWindows) => Promise<OverRepresentedValue[] | undefined>;
}

/** Series one analysis reads at most. */
export const MAX_CASE_SERIES = 500;
/** Causes kept per analysis: the published top-k and a few more for the API. */
const STORED_CAUSES = 10;

type OpenIncident = GroupedIncident & { id: string };

export class IncidentRca {
  private cycle = 0;
  private readonly lastRun = new Map<string, number>();
  private readonly analyses = new Map<string, { symptom: SeriesKey; analysis: IncidentAnalysis }>();

  constructor(
    private readonly store: Pick<SampleStore, 'readSteps'> & IncidentStore,
    private readonly options: IncidentRcaOptions,
  ) {}

  get model(): string {
    return `rca_${this.options.ranker.name}`;
  }

  /** The stored analyses of the incidents still open, so their causes are published at once. */
  async restore(open: readonly OpenIncident[]): Promise<void> {
    const byId = new Map(open.map((incident) => [incident.id, incident]));
    for (const analysis of await this.store.readIncidentAnalyses([...byId.keys()])) {
      const incident = byId.get(analysis.incidentId);
      if (incident) this.analyses.set(analysis.incidentId, { symptom: symptomKey(incident), analysis });
    }
  }

  /** Analyses the incidents that are due; returns the errors of those that failed. */
  async run(open: readonly OpenIncident[], seriesOf: (services: Set<string>) => SeriesKey[], nowMs: number) {
    this.cycle += 1;
    const ids = new Set(open.map((incident) => incident.id));
    for (const id of this.analyses.keys()) if (!ids.has(id)) this.analyses.delete(id);
    for (const id of this.lastRun.keys()) if (!ids.has(id)) this.lastRun.delete(id);
    const due = open
      .filter(
        (incident) => this.cycle - (this.lastRun.get(incident.id) ?? -Infinity) >= this.options.everyCycles,
      )
      .sort((a, b) => (this.lastRun.get(a.id) ?? -Infinity) - (this.lastRun.get(b.id) ?? -Infinity))
      .slice(0, this.options.perCycle);
    const failures: string[] = [];
    for (const incident of due) {
      this.lastRun.set(incident.id, this.cycle);
      try {
        await this.analyse(incident, seriesOf, nowMs);
      } catch (error) {
        failures.push(`incident ${incident.id}: ${String(error)}`);
      }
    }
    return failures;
  }

  /** The top causes of every open incident analysed so far. */
  scores(): RcaScore[] {
    return [...this.analyses.values()].flatMap(({ symptom, analysis }) =>
      analysis.causes.slice(0, this.options.topK).map((cause) => ({
        symptom,
        cause: { signal: cause.signal, service: cause.service },
        score: cause.score,
      })),
    );
  }

  private async analyse(
    incident: OpenIncident,
    seriesOf: (services: Set<string>) => SeriesKey[],
    nowMs: number,
  ) {
    const { stepMs, baselineMs, graph, ranker } = this.options;
    const calls = graph?.calls();
    const symptom = symptomKey(incident);
    const services = new Set(incident.members.map((m) => m.service));
    // A cause may not have alarmed itself: the services the incident's services call count too.
    if (calls)
      for (const service of [...services]) for (const d of downstreamOf(calls, service)) services.add(d);
    const frame = caseFrame(incident.openedAtMs, nowMs, stepMs, baselineMs);
    const range = { fromMs: frame.baselineFromMs, toMs: frame.windowFromMs + frame.steps * stepMs };
    const windows = await this.store.readSteps(range, stepMs, caseSeries(incident, seriesOf(services)));
    const input = buildCase(frame, symptom, windows, calls);
    // A symptom with too little history before the incident cannot be judged yet.
    if (!hasBaseline(input, symptom)) return;
    // A later analysis whose sources no longer hold the labels keeps what an earlier one found.
    const labelContrast =
      (await this.options.contrast?.(symptom, contrastWindows(frame, nowMs))) ??
      this.analyses.get(incident.id)?.analysis.labelContrast;
    const analysis: IncidentAnalysis = {
      incidentId: incident.id,
      analysedAtMs: nowMs,
      model: ranker.name,
      causes: withPaths(toCauses(ranker.rank(input), frame, STORED_CAUSES), symptom, graph),
      ...(labelContrast ? { labelContrast } : {}),
    };
    await this.store.writeIncidentAnalysis(analysis);
    this.analyses.set(incident.id, { symptom, analysis });
  }
}

/**
 * The series of a case, at most MAX_CASE_SERIES: an incident storm across hundreds of
 * services must not turn one analysis into a scan of the whole store. Its own series first.
 */
export function caseSeries(incident: GroupedIncident, candidates: readonly SeriesKey[]): SeriesKey[] {
  if (candidates.length <= MAX_CASE_SERIES) return [...candidates];
  const own = new Set(incident.members.map((m) => `${m.signal}\u0000${m.service}`));
  const isOwn = (k: SeriesKey) => own.has(`${k.signal}\u0000${k.service}`);
  return [...candidates.filter(isOwn), ...candidates.filter((k) => !isOwn(k))].slice(0, MAX_CASE_SERIES);
}

/** Which edges link the symptom's service to each cause, and where each edge came from. */
function withPaths(causes: IncidentCause[], symptom: SeriesKey, graph: CallGraphView | undefined) {
  return causes.map((cause) => ({
    ...cause,
    evidence: { ...cause.evidence, path: graph?.path(symptom.service, cause.service) ?? null },
  }));
}

function symptomKey(incident: GroupedIncident): SeriesKey {
  const { signal, service } = symptomOf(incident);
  return { signal, service };
}
