/**
 * RCA's label contrast in the pipeline: when an incident is analysed, every source that
 * can break its symptom's signal down by label is asked for the events per label value
 * in the incident and in the baseline before it, and the values that carry more of them
 * now than before are kept with the analysis. A source that fails costs only its own
 * breakdown (logged); the analysis goes on with the others'.
 */
import type { Logger } from '../log/logger.js';
import {
  DEFAULT_CONTRAST_PARAMS,
  type LabelBreakdown,
  type LabelContrastParams,
  type LabelValueCounts,
  type OverRepresentedValue,
} from '../models/rca/label-contrast.js';
import { rcaContrasts } from '../models/registry.js';
import type { BreakdownReader } from '../sources/breakdown.js';
import type { SeriesKey, TimeRange } from '../store/store.js';
import { LEAD_STEPS, MAX_WINDOW_STEPS, type CaseFrame } from './rca-case.js';

export interface ContrastWindows {
  incident: TimeRange;
  baseline: TimeRange;
}

/** Values kept per analysis: an operator reads the first few. */
export const STORED_CONTRAST = 10;
/** A breakdown slower than this is given up: an analysis must not stall the cycle. */
const READ_TIMEOUT_MS = 10_000;

/** How far back an analysis's contrast reaches at most: the baseline, the lead-in and the longest window. */
export function contrastSpanMs(baselineMs: number, stepMs: number): number {
  return baselineMs + (LEAD_STEPS + MAX_WINDOW_STEPS + 1) * stepMs;
}

/** The incident from the step it opened in until now; the baseline is the analysis's own. */
export function contrastWindows(frame: CaseFrame, nowMs: number): ContrastWindows {
  const openedMs = frame.windowFromMs + frame.onset * frame.stepMs;
  const endMs = frame.windowFromMs + frame.steps * frame.stepMs;
  return {
    incident: { fromMs: openedMs, toMs: Math.max(openedMs, Math.min(nowMs, endMs)) },
    baseline: { fromMs: frame.baselineFromMs, toMs: frame.windowFromMs },
  };
}

type Counts = Omit<LabelValueCounts, 'value'>;

function addCounts(sum: Counts | undefined, counts: Counts): Counts {
  const total: Counts = {
    incident: (sum?.incident ?? 0) + counts.incident,
    baseline: (sum?.baseline ?? 0) + counts.baseline,
  };
  // Traffic is summed where any source gave it (only ratio signals have it).
  for (const key of ['prior', 'incidentTraffic'] as const)
    if (sum?.[key] !== undefined || counts[key] !== undefined)
      total[key] = (sum?.[key] ?? 0) + (counts[key] ?? 0);
  return total;
}

/** Breakdowns of one label from several sources (several targets serving one service) summed per value. */
export function mergeBreakdowns(breakdowns: readonly LabelBreakdown[]): LabelBreakdown[] {
  const byLabel = new Map<string, Map<string, Counts>>();
  for (const { label, values } of breakdowns) {
    const merged = byLabel.get(label) ?? new Map<string, Counts>();
    byLabel.set(label, merged);
    for (const { value, ...counts } of values) merged.set(value, addCounts(merged.get(value), counts));
  }
  return [...byLabel].map(([label, values]) => ({
    label,
    values: [...values].map(([value, counts]) => ({ value, ...counts })),
  }));
}

export class SymptomContrast {
  constructor(
    private readonly readers: readonly BreakdownReader[],
    private readonly logger: Logger,
    private readonly params: LabelContrastParams = DEFAULT_CONTRAST_PARAMS,
  ) {}

  /** Undefined when no source could break the symptom down (none has its labels for those windows). */
  async contrast(symptom: SeriesKey, windows: ContrastWindows): Promise<OverRepresentedValue[] | undefined> {
    const request = { ...symptom, ...windows, abort: AbortSignal.timeout(READ_TIMEOUT_MS) };
    const read = await Promise.all(
      this.readers.map((reader) =>
        reader.read(request).catch((error: unknown) => {
          this.logger.warn(
            { source: reader.source, ...symptom, err: String(error) },
            'cannot break the symptom down by label; its label contrast leaves this source out',
          );
          return [];
        }),
      ),
    );
    const breakdowns = read.flat();
    if (breakdowns.length === 0) return undefined;
    return rcaContrasts.label_contrast(mergeBreakdowns(breakdowns), this.params).slice(0, STORED_CONTRAST);
  }
}
