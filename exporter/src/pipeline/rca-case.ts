/**
 * From an open incident and the store's step means to the RCA family's input (RcaCase),
 * and from a ranking back to stored causes. Pure, so it is tested without a store.
 *
 * The steps before the window are the baseline; the window starts a few steps before the
 * incident opened (a cause moves before its symptom) and ends now.
 */
import type { RankedCause, RcaCase } from '../models/rca/types.js';
import type { IncidentCause, SeriesKey, StepWindow } from '../store/store.js';

/** Steps a cause may move before its symptom and still be seen moving in the window. */
export const LEAD_STEPS = 5;
/** A long incident is judged on its first part: where it started is what RCA is about. */
export const MAX_WINDOW_STEPS = 360;

export interface CaseFrame {
  stepMs: number;
  /** First baseline step (aligned). */
  baselineFromMs: number;
  /** First window step (aligned); the baseline ends here. */
  windowFromMs: number;
  /** Window steps. */
  steps: number;
  /** Index in the window of the step the incident opened in. */
  onset: number;
}

const alignDown = (ms: number, stepMs: number) => Math.floor(ms / stepMs) * stepMs;

export function caseFrame(openedAtMs: number, nowMs: number, stepMs: number, baselineMs: number): CaseFrame {
  const openedStep = alignDown(openedAtMs, stepMs);
  const windowFromMs = openedStep - LEAD_STEPS * stepMs;
  const lastStep = Math.max(openedStep, alignDown(nowMs, stepMs));
  return {
    stepMs,
    baselineFromMs: windowFromMs - Math.max(stepMs, alignDown(baselineMs, stepMs)),
    windowFromMs,
    steps: Math.min(MAX_WINDOW_STEPS, (lastStep - windowFromMs) / stepMs + 1),
    onset: LEAD_STEPS,
  };
}

/** One value per step from `fromMs`, NaN where the step has no sample. */
function valuesAt(window: StepWindow, fromMs: number, steps: number, stepMs: number): number[] {
  const values = new Array<number>(steps).fill(Number.NaN);
  window.startsMs.forEach((start, i) => {
    const at = Math.round((start - fromMs) / stepMs);
    if (at >= 0 && at < steps) values[at] = window.means[i]!;
  });
  return values;
}

export function buildCase(
  frame: CaseFrame,
  symptom: SeriesKey,
  windows: readonly StepWindow[],
  calls: ReadonlyMap<string, readonly string[]> | undefined,
): RcaCase {
  const baselineSteps = (frame.windowFromMs - frame.baselineFromMs) / frame.stepMs;
  return {
    symptom: { node: symptom.service, metric: symptom.signal },
    onset: frame.onset,
    // Omen's signals are defined so that higher is worse (DESIGN Decision 6).
    series: windows.map((w) => ({
      node: w.service,
      metric: w.signal,
      direction: 'up' as const,
      baseline: valuesAt(w, frame.baselineFromMs, baselineSteps, frame.stepMs),
      window: valuesAt(w, frame.windowFromMs, frame.steps, frame.stepMs),
    })),
    calls,
  };
}

/** Finite values a baseline needs before a series can be judged against it. */
export const MIN_BASELINE_POINTS = 5;

export function hasBaseline(input: RcaCase, key: SeriesKey): boolean {
  const series = input.series.find((s) => s.node === key.service && s.metric === key.signal);
  return (series?.baseline.filter(Number.isFinite).length ?? 0) >= MIN_BASELINE_POINTS;
}

/**
 * Ranked nodes as stored causes: each score becomes its share of the ranking's positive
 * total (rankers' scores compare only within one ranking; a share reads the same everywhere),
 * with the ranker's evidence in times and seconds rather than step indices.
 */
export function toCauses(ranking: readonly RankedCause[], frame: CaseFrame, limit: number): IncidentCause[] {
  const total = ranking.reduce((sum, c) => sum + Math.max(0, c.score), 0);
  return ranking.slice(0, limit).map((cause, i) => {
    const { metric, change, onset, lead, correlation, downstream, explainedBy } = cause.evidence;
    return {
      rank: i + 1,
      signal: metric,
      service: cause.node,
      score: total > 0 ? Math.max(0, cause.score) / total : 0,
      evidence: {
        change,
        onsetAt: onset === null ? null : new Date(frame.windowFromMs + onset * frame.stepMs).toISOString(),
        // The ranker's lead is the cause's onset minus the symptom's: negative when it moved first.
        leadSeconds: lead === null ? null : (-lead * frame.stepMs) / 1000,
        correlation,
        downstream,
        explainedBy,
      },
    };
  });
}
