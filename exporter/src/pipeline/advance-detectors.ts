/**
 * Brings every fresh series' detector up to its newest sample: the samples since the
 * state's last one are read from the store and fed in order, each scored online. A series
 * without a state (new, or its saved state unusable) is replayed over the detector's
 * history first, so it starts warm when the store has the points. Replays share a budget
 * of points per cycle, taken in batches of series: after a first start on a backfilled
 * store, thousands of series warm up over a few cycles instead of stalling the first one
 * (those waiting stay `warming`). Each series runs isolated: a detector that throws costs
 * that series its state (replayed next cycle), never the cycle.
 */
import type { AnomalyDetector, AnomalyResult } from '../models/types.js';
import type { SampleStore, SeriesWindow } from '../store/store.js';
import type { DetectorMemory, SeriesModel } from './detector-memory.js';
import { seriesKey, type TrackedSeries } from './series-tracker.js';
import type { SignalSettings } from './signal-settings.js';

export interface PointResult {
  timestampMs: number;
  value: number;
  result: AnomalyResult;
}

export interface AdvanceOutcome {
  /**
   * Per series key, the results fed this cycle that scored at least `keepFrom` (oldest
   * first): the candidates for anomaly records. A replay feeds thousands of points per
   * series; keeping every result would hold millions of objects for one cycle.
   */
  fed: Map<string, PointResult[]>;
  failures: { signal: string; service: string; error: string }[];
  /** Series replayed from the store this cycle, and those still waiting for their turn. */
  replayed: number;
  replayWaiting: number;
}

interface AdvanceInput {
  nowMs: number;
  /** Fresh (not stale) series. */
  series: readonly TrackedSeries[];
  store: SampleStore;
  detector: AnomalyDetector;
  memory: DetectorMemory;
  signals: Map<string, SignalSettings>;
  /** How far back a replay reads: the detector's history at the pipeline's pace, with slack. */
  replaySpanMs: number;
  /** Points replays may feed this cycle (the first batch always runs). */
  replayBudgetPoints: number;
  /** Results scoring below this are not kept in `fed` (the newest is always in the memory). */
  keepFrom: number;
}

/** Series read per replay query. */
const REPLAY_BATCH = 100;

/** The start of a replay's read: a state older than this is replayed, not caught up. */
const replayFrom = (input: AdvanceInput): number => input.nowMs - input.replaySpanMs;

function isUpToDate(model: SeriesModel | undefined, input: AdvanceInput): model is SeriesModel {
  return model !== undefined && model.lastMs >= replayFrom(input);
}

/** Which series are up to date (catch up from their state) and which need a replay. */
function split(input: AdvanceInput): { catchUpFromMs: number | null; replay: TrackedSeries[] } {
  let catchUpFromMs: number | null = null;
  const replay: TrackedSeries[] = [];
  for (const series of input.series) {
    const model = input.memory.get(series.signal, series.service);
    if (isUpToDate(model, input)) catchUpFromMs = Math.min(catchUpFromMs ?? Infinity, model.lastMs + 1);
    else replay.push(series);
  }
  return { catchUpFromMs, replay };
}

/** Feeds the window's new points; returns how many were fed, keeping the high-scoring results. */
function feed(model: SeriesModel, window: SeriesWindow, input: AdvanceInput, results: PointResult[]): number {
  const settings = input.signals.get(model.signal);
  const context = { seasonMs: settings?.seasonMs ?? null, detectSeason: settings?.detectSeason ?? true };
  const { detector } = input;
  let fed = 0;
  window.timestampsMs.forEach((timestampMs, i) => {
    if (timestampMs <= model.lastMs) return;
    const value = window.values[i] as number;
    const result = detector.update(model.state, { timestampMs, value }, context);
    model.lastMs = timestampMs;
    fed += 1;
    if (result === null) return;
    model.result = result;
    if (!result.warming && result.score >= input.keepFrom) results.push({ timestampMs, value, result });
  });
  return fed;
}

function advanceOne(
  series: TrackedSeries,
  window: SeriesWindow,
  input: AdvanceInput,
  outcome: AdvanceOutcome,
): number {
  const model = input.memory.get(series.signal, series.service) ?? {
    signal: series.signal,
    service: series.service,
    state: input.detector.init(),
    lastMs: -Infinity,
    result: null,
  };
  try {
    const results: PointResult[] = [];
    const fed = feed(model, window, input, results);
    if (results.length > 0) outcome.fed.set(seriesKey(series.signal, series.service), results);
    if (Number.isFinite(model.lastMs)) input.memory.set(model);
    return fed;
  } catch (error) {
    input.memory.forget(series.signal, series.service);
    outcome.failures.push({ signal: series.signal, service: series.service, error: String(error) });
    return 0;
  }
}

export async function advanceDetectors(input: AdvanceInput): Promise<AdvanceOutcome> {
  const outcome: AdvanceOutcome = { fed: new Map(), failures: [], replayed: 0, replayWaiting: 0 };
  const toMs = input.nowMs + 1;
  const { catchUpFromMs, replay } = split(input);
  if (catchUpFromMs !== null) {
    const windows = await input.store.readWindows([{ fromMs: catchUpFromMs, toMs }]);
    const byKey = new Map(windows.map((w) => [seriesKey(w.signal, w.service), w]));
    for (const series of input.series) {
      const window = byKey.get(seriesKey(series.signal, series.service));
      // Only the series that were up to date: the others are replayed below.
      if (window && isUpToDate(input.memory.get(series.signal, series.service), input)) {
        advanceOne(series, window, input, outcome);
      }
    }
  }
  let budget = input.replayBudgetPoints;
  for (let from = 0; from < replay.length && (from === 0 || budget > 0); from += REPLAY_BATCH) {
    const batch = replay.slice(from, from + REPLAY_BATCH);
    const windows = await input.store.readWindows([{ fromMs: replayFrom(input), toMs }], batch);
    for (const window of windows) {
      const series = batch.find((s) => s.signal === window.signal && s.service === window.service);
      if (series) budget -= advanceOne(series, window, input, outcome);
    }
    outcome.replayed += batch.length;
  }
  outcome.replayWaiting = replay.length - outcome.replayed;
  return outcome;
}
