/**
 * The forecast stage of a cycle. Each forecast takes the samples that arrived since its
 * newest one, step by step (one read for every series); series with no forecast, or due a
 * refit, are fitted from the store's step means, in batches, for as long as the cycle's fit
 * budget lasts — new series first, then the most overdue refits. Each series runs isolated:
 * one that throws loses its forecast (refitted later), never the cycle.
 */
import type { SampleStore, SeriesKey, StepWindow } from '../store/store.js';
import type { ForecastBook } from './forecast-book.js';
import type { ModelLifecycle } from './model-lifecycle.js';
import { periodInSteps, type ForecastSettings } from './forecast-settings.js';
import { advanceSteps, fitSeries, type SeriesForecast } from './series-forecast.js';
import { addSample, stepStart } from './step-accumulator.js';
import { seriesKey, type TrackedSeries } from './series-tracker.js';
import type { SignalSettings } from './signal-settings.js';

export interface ForecastOutcome {
  fitted: number;
  /** Series due a fit that the budget left for a later cycle. */
  waiting: number;
  failures: { signal: string; service: string; error: string }[];
}

interface ForecastInput {
  nowMs: number;
  /** Fresh (not stale) series. */
  series: readonly TrackedSeries[];
  store: SampleStore;
  book: ForecastBook;
  settings: ForecastSettings;
  signals: Map<string, SignalSettings>;
  /** Wall clock for the fit budget (performance.now in production). */
  elapsedMs: () => number;
  /** Told of every fit and every closed step (model catalog, drift); absent in tools and tests. */
  lifecycle?: Pick<ModelLifecycle, 'fitted' | 'observe'>;
}

/** Series fitted per store read. */
const FIT_BATCH = 25;

async function catchUp(input: ForecastInput, outcome: ForecastOutcome): Promise<void> {
  const { book, settings, nowMs } = input;
  const live = input.series.flatMap((s) => {
    const forecast = book.get(s.signal, s.service);
    return forecast && s.lastSampleMs > forecast.steps.lastMs ? [forecast] : [];
  });
  if (live.length === 0) return;
  // Older samples would only end in a gap refit: never read further back than that.
  const oldest = nowMs - (settings.maxGapSteps + 2) * settings.stepMs;
  const fromMs = Math.max(oldest, Math.min(...live.map((f) => f.steps.lastMs + 1)));
  const windows = await input.store.readWindows([{ fromMs, toMs: nowMs + 1 }]);
  const byKey = new Map(live.map((f) => [seriesKey(f.signal, f.service), f]));
  for (const window of windows) {
    const forecast = byKey.get(seriesKey(window.signal, window.service));
    if (forecast) guarded(forecast, input, outcome, () => takeWindow(forecast, window, input));
  }
}

function takeWindow(
  forecast: SeriesForecast,
  window: { timestampsMs: number[]; values: number[] },
  input: ForecastInput,
): void {
  const { settings } = input;
  const closed: number[] = [];
  for (let i = 0; i < window.timestampsMs.length; i += 1) {
    const outcome = addSample(
      forecast.steps,
      window.timestampsMs[i] as number,
      window.values[i] as number,
      settings.maxGapSteps,
    );
    if (outcome.kind === 'gap') {
      input.book.forget(forecast.signal, forecast.service);
      return;
    }
    if (outcome.kind === 'closed') closed.push(...outcome.means);
  }
  if (closed.length === 0) return;
  // Only the first closed step had a band published for it (the view before it advances).
  input.lifecycle?.observe(forecast, closed[0] as number, input.nowMs);
  advanceSteps(settings, forecast, closed);
}

function guarded(key: SeriesKey, input: ForecastInput, outcome: ForecastOutcome, work: () => void): void {
  try {
    work();
  } catch (error) {
    input.book.forget(key.signal, key.service);
    outcome.failures.push({ signal: key.signal, service: key.service, error: String(error) });
  }
}

/** New series first, then refits by how overdue they are. */
function fitQueue(input: ForecastInput): TrackedSeries[] {
  const { book, nowMs } = input;
  const fresh = input.series.filter((s) => book.needsFit(s, nowMs));
  const due = input.series
    .flatMap((s) => {
      const forecast = book.get(s.signal, s.service);
      return forecast && forecast.refitDueMs <= nowMs ? [{ s, due: forecast.refitDueMs }] : [];
    })
    .sort((a, b) => a.due - b.due)
    .map(({ s }) => s);
  return [...fresh, ...due];
}

function fitOne(window: StepWindow, input: ForecastInput, outcome: ForecastOutcome): void {
  const { settings, nowMs } = input;
  const signal = input.signals.get(window.signal);
  const result = fitSeries(settings, window, {
    threshold: signal?.threshold,
    period: periodInSteps(signal, settings.stepMs),
    nowMs,
  });
  if (result.kind === 'fitted') {
    input.book.set(result.forecast);
    input.lifecycle?.fitted(result.forecast, result.history, nowMs);
    outcome.fitted += 1;
  } else {
    input.book.forget(window.signal, window.service);
    input.book.retryLater(window, nowMs + (settings.minSteps - result.steps) * settings.stepMs);
  }
}

export async function advanceForecasts(input: ForecastInput): Promise<ForecastOutcome> {
  const outcome: ForecastOutcome = { fitted: 0, waiting: 0, failures: [] };
  const { settings, nowMs } = input;
  await catchUp(input, outcome);
  const queue = fitQueue(input);
  const started = input.elapsedMs();
  const openStart = stepStart(nowMs, settings.stepMs);
  const range = { fromMs: openStart - settings.historySteps * settings.stepMs, toMs: nowMs + 1 };
  let from = 0;
  for (; from < queue.length; from += FIT_BATCH) {
    if (from > 0 && input.elapsedMs() - started >= settings.fitBudgetMs) break;
    const batch = queue.slice(from, from + FIT_BATCH);
    const windows = await input.store.readSteps(range, settings.stepMs, batch);
    for (const window of windows) guarded(window, input, outcome, () => fitOne(window, input, outcome));
    // Nothing inside the history range (its samples are older): as short as can be.
    const read = new Set(windows.map((w) => seriesKey(w.signal, w.service)));
    for (const series of batch)
      if (!read.has(seriesKey(series.signal, series.service)))
        input.book.retryLater(series, nowMs + settings.minSteps * settings.stepMs);
  }
  outcome.waiting = Math.max(0, queue.length - from);
  return outcome;
}
