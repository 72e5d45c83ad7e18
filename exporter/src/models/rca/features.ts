/**
 * The evidence every ranker draws on, computed once per case: per node, its most changed
 * series (robust change score), when it first moved, how its change tracks the symptom's,
 * and whether the symptom's node depends on it.
 */
import { sampleRankCorrelation } from 'simple-statistics';
import { downstreamOf } from './graph.js';
import { badnessSeries, robustScale } from './robust-change.js';
import type { NodeEvidence, RankedCause, RcaCase, RcaSeries } from './types.js';

/** A series has moved once it is this many IQRs worse than its median (BARO's scale). */
export const CHANGE_LEVEL = 3;
/** Causes lead their symptoms by a step or two of aggregation at most; more is coincidence. */
const MAX_LAG = 2;
/** Fewer paired points than this make a correlation meaningless. */
const MIN_PAIRS = 3;

export type NodeFeatures = Omit<NodeEvidence, 'explainedBy'> & { node: string };

interface SeriesChange {
  series: RcaSeries;
  badness: number[];
  change: number;
  onset: number | null;
}

function seriesChange(series: RcaSeries): SeriesChange | null {
  const scale = robustScale(series.baseline);
  if (!scale) return null;
  const badness = badnessSeries(series.window, scale, series.direction);
  const finite = badness.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const onset = sustainedOnset(badness);
  return { series, badness, change: Math.max(...finite), onset };
}

/**
 * The first step of a move that lasts: past the change level at that step and the next (or
 * at the window's last step). A one-step spike is noise or a blip, not where trouble began.
 */
export function sustainedOnset(badness: readonly number[]): number | null {
  for (let t = 0; t < badness.length; t += 1)
    if (badness[t]! >= CHANGE_LEVEL && (t + 1 === badness.length || badness[t + 1]! >= CHANGE_LEVEL))
      return t;
  return null;
}

/**
 * Spearman (rank) correlation of `cause` shifted `lag` steps later against `effect`; 0 when
 * undefined. Ranks, because one huge step would otherwise decide a Pearson correlation alone.
 */
function laggedCorrelation(cause: readonly number[], effect: readonly number[], lag: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = lag; t < effect.length; t += 1) {
    const x = cause[t - lag]!;
    const y = effect[t]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  if (xs.length < MIN_PAIRS) return 0;
  const r = sampleRankCorrelation(xs, ys);
  return Number.isFinite(r) ? r : 0;
}

export function bestCorrelation(cause: readonly number[], effect: readonly number[]): number {
  let best = 0;
  for (let lag = 0; lag <= MAX_LAG; lag += 1) best = Math.max(best, laggedCorrelation(cause, effect, lag));
  return best;
}

function symptomChange(input: RcaCase, changes: SeriesChange[]): SeriesChange {
  const { node, metric } = input.symptom;
  const found = changes.find((c) => c.series.node === node && c.series.metric === metric);
  if (!found) throw new Error(`the symptom ${node} ${metric} has no usable series (no baseline or no data)`);
  return found;
}

/** Every usable series of the case with its evidence (several per node). */
export function seriesFeatures(input: RcaCase): NodeFeatures[] {
  const changes = input.series.map(seriesChange).filter((c): c is SeriesChange => c !== null);
  const symptom = symptomChange(input, changes);
  // The alert's time, not the symptom's first move: trouble already there at the window's
  // start would otherwise pass for the symptom's onset.
  const symptomOnset = input.onset;
  const downstream = input.calls ? downstreamOf(input.calls, input.symptom.node) : null;
  return changes.map(({ series, badness, change, onset }) => ({
    node: series.node,
    metric: series.metric,
    change,
    onset,
    lead: onset === null ? null : onset - symptomOnset,
    correlation: bestCorrelation(badness, symptom.badness),
    downstream: downstream ? series.node === input.symptom.node || downstream.has(series.node) : null,
  }));
}

/** Per node, the series a ranker weighs highest (by default: the most changed one). */
export function nodeFeatures(
  input: RcaCase,
  weight: (f: NodeFeatures) => number = (f) => f.change,
): Map<string, NodeFeatures> {
  const best = new Map<string, { f: NodeFeatures; w: number }>();
  for (const f of seriesFeatures(input)) {
    const w = weight(f);
    const current = best.get(f.node);
    if (!current || w > current.w) best.set(f.node, { f, w });
  }
  return new Map([...best].map(([node, { f }]) => [node, f]));
}

/** Sorts most likely first, ties by node name so a ranking is reproducible. */
export function byScore<T extends { node: string; score: number }>(causes: T[]): T[] {
  return causes.sort((a, b) => b.score - a.score || a.node.localeCompare(b.node));
}

export function evidenceOf(features: NodeFeatures, explainedBy: string | null = null): NodeEvidence {
  const { node: _node, ...rest } = features;
  return { ...rest, explainedBy };
}

/** log(1 + change) for a change that moved the right way, 0 otherwise: damps huge ratios. */
export function changeStrength(features: NodeFeatures): number {
  return Math.log1p(Math.max(0, features.change));
}

/** A ranking that scores each node from its own evidence alone (its most changed series). */
export function rankBy(input: RcaCase, score: (f: NodeFeatures) => number): RankedCause[] {
  return byScore(
    [...nodeFeatures(input).values()].map((f) => ({
      node: f.node,
      score: score(f),
      evidence: evidenceOf(f),
    })),
  );
}
