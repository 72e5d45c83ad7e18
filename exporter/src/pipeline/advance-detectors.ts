/**
 * Brings every fresh series' detector up to its newest sample: the samples since the
 * state's last one are read from the store and fed in order, each scored online. A series
 * without a state (new, or its saved state unusable) is replayed over the detector's
 * history first, so it starts warm when the store has the points. Each series runs
 * isolated: a detector that throws costs that series its state (replayed next cycle),
 * never the cycle.
 */
import type { AnomalyDetector, AnomalyResult } from '../models/types.js';
import type { SampleStore, SeriesKey, SeriesWindow } from '../store/store.js';
import type { DetectorMemory, SeriesModel } from './detector-memory.js';
import { seriesKey, type TrackedSeries } from './series-tracker.js';
import type { SignalSettings } from './signal-settings.js';

export interface PointResult {
  timestampMs: number;
  value: number;
  result: AnomalyResult;
}

export interface AdvanceOutcome {
  /** Per series key, the results of the points fed this cycle (oldest first). */
  fed: Map<string, PointResult[]>;
  failures: { signal: string; service: string; error: string }[];
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
}

/** One short read for the series that are up to date, one filtered long read for the rest. */
async function readNewSamples(input: AdvanceInput): Promise<Map<string, SeriesWindow>> {
  const replayFrom = input.nowMs - input.replaySpanMs;
  const catchingUp: number[] = [];
  const replay: SeriesKey[] = [];
  for (const series of input.series) {
    const model = input.memory.get(series.signal, series.service);
    if (model && model.lastMs >= replayFrom) catchingUp.push(model.lastMs);
    else replay.push(series);
  }
  const toMs = input.nowMs + 1;
  const windows = [
    ...(catchingUp.length > 0
      ? await input.store.readWindows([{ fromMs: Math.min(...catchingUp) + 1, toMs }])
      : []),
    ...(replay.length > 0 ? await input.store.readWindows([{ fromMs: replayFrom, toMs }], replay) : []),
  ];
  // A replayed series may also come back in the short read; the long read, later, wins.
  return new Map(windows.map((w) => [seriesKey(w.signal, w.service), w]));
}

function feed(
  model: SeriesModel,
  window: SeriesWindow,
  detector: AnomalyDetector,
  settings: SignalSettings | undefined,
): PointResult[] {
  const context = { seasonMs: settings?.seasonMs ?? null, detectSeason: settings?.detectSeason ?? true };
  const results: PointResult[] = [];
  window.timestampsMs.forEach((timestampMs, i) => {
    if (timestampMs <= model.lastMs) return;
    const value = window.values[i] as number;
    const result = detector.update(model.state, { timestampMs, value }, context);
    model.lastMs = timestampMs;
    if (result === null) return;
    model.result = result;
    results.push({ timestampMs, value, result });
  });
  return results;
}

export async function advanceDetectors(input: AdvanceInput): Promise<AdvanceOutcome> {
  const windows = await readNewSamples(input);
  const outcome: AdvanceOutcome = { fed: new Map(), failures: [] };
  for (const series of input.series) {
    const key = seriesKey(series.signal, series.service);
    const window = windows.get(key);
    if (!window) continue;
    const model = input.memory.get(series.signal, series.service) ?? {
      signal: series.signal,
      service: series.service,
      state: input.detector.init(),
      lastMs: -Infinity,
      result: null,
    };
    try {
      outcome.fed.set(key, feed(model, window, input.detector, input.signals.get(series.signal)));
      if (Number.isFinite(model.lastMs)) input.memory.set(model);
    } catch (error) {
      input.memory.forget(series.signal, series.service);
      outcome.failures.push({ signal: series.signal, service: series.service, error: String(error) });
    }
  }
  return outcome;
}
