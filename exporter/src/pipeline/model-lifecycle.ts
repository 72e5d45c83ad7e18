/**
 * The forecasters' lifecycle: every fit becomes a new version in the model catalog and a
 * row of training history, with its quality measured out of sample; every closed step
 * scores the live forecast against the band it published, and a forecast whose error
 * drifts is refitted before its staggered schedule; an operator's retrain does the same
 * with their name on it. Rows are queued in memory and written in one batch per cycle.
 */
import { createHash } from 'node:crypto';
import type {
  CatalogModel,
  ModelCatalogStore,
  SeriesKey,
  TrainingEvent,
  TrainingReason,
} from '../store/store.js';
import { fitQuality, type FitQuality } from './backtest-quality.js';
import { driftReason, newLiveQuality, scoreStep, type LiveQuality } from './drift.js';
import type { ForecastBook } from './forecast-book.js';
import type { ForecastSettings } from './forecast-settings.js';
import type { SeriesForecast } from './series-forecast.js';
import { seriesKey } from './series-tracker.js';

/** Stable per (model, signal, service) across restarts, short and safe in a URL. */
export function modelId(model: string, key: SeriesKey): string {
  return createHash('sha256')
    .update(`${model}\u0000${key.signal}\u0000${key.service}`)
    .digest('hex')
    .slice(0, 16);
}

/** One series' current version, its training quality and how it has done since. */
export interface LiveModel extends SeriesKey {
  id: string;
  version: number;
  trainedAtMs: number;
  quality: FitQuality;
  live: LiveQuality;
  /** A refit asked for before the schedule (drift, or an operator), and why. */
  pending: {
    reason: Extract<TrainingReason, 'drift' | 'manual'>;
    actor: string | null;
    detail: string | null;
  } | null;
}

export type RetrainOutcome = { queued: true; version: number } | { queued: false; why: string };

/** Catalog rows read per page at start (versions continue across restarts). */
const RESTORE_PAGE = 1000;

/** History rows kept for a store that cannot take them (several refits of 10 000 series). */
const MAX_QUEUED_EVENTS = 50_000;

export class ModelLifecycle {
  private readonly models = new Map<string, LiveModel>();
  /** Versions in the catalog from earlier runs, by id, until the series is fitted again. */
  private readonly stored = new Map<string, number>();
  private catalog: CatalogModel[] = [];
  private events: TrainingEvent[] = [];
  /** Drift refits marked since the last takeDriftRefits(). */
  private driftRefits = 0;

  constructor(
    private readonly store: ModelCatalogStore,
    private readonly book: ForecastBook,
    private readonly settings: ForecastSettings,
  ) {}

  get model(): string {
    return this.settings.forecaster.name;
  }

  async restore(): Promise<number> {
    let cursor: string | undefined;
    do {
      const page = await this.store.queryModels({ model: this.model, limit: RESTORE_PAGE, cursor });
      for (const model of page.items) this.stored.set(model.id, model.version);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return this.stored.size;
  }

  /** A series was fitted on `history` (its steps, oldest first): a new version. */
  fitted(forecast: SeriesForecast, history: readonly number[], nowMs: number): void {
    const key = seriesKey(forecast.signal, forecast.service);
    const id = modelId(this.model, forecast);
    const previous = this.models.get(key);
    const version = (previous?.version ?? this.stored.get(id) ?? 0) + 1;
    this.stored.delete(id);
    const pending = previous?.pending ?? null;
    const reason: TrainingReason = pending?.reason ?? (version === 1 ? 'initial' : 'refit');
    const quality = fitQuality(forecast.walk, history);
    const stored = { mase: quality.mase, brier: quality.brier };
    const base = { signal: forecast.signal, service: forecast.service, model: this.model, version };
    this.catalog.push({
      ...base,
      id,
      params: this.params(forecast),
      trainedAtMs: nowMs,
      samples: history.length,
      quality: stored,
      reason,
    });
    this.events.push({
      ...base,
      modelId: id,
      atMs: nowMs,
      event: 'fitted',
      reason,
      actor: pending?.actor ?? null,
      detail: pending?.detail ?? null,
      samples: history.length,
      quality: stored,
    });
    this.models.set(key, { ...base, id, trainedAtMs: nowMs, quality, live: newLiveQuality(), pending: null });
  }

  /**
   * A step closed with mean `value`: scored against the band published for it (the view
   * before it advances), and the series marked for refit if its error has drifted.
   */
  observe(forecast: SeriesForecast, value: number, nowMs: number): void {
    const model = this.models.get(seriesKey(forecast.signal, forecast.service));
    if (!model || model.pending) return;
    const { drift } = this.settings;
    scoreStep(model.live, value, forecast.view.expected, drift.minSteps);
    const detail = driftReason(model.live, model.quality.oneStepError, drift);
    if (detail === null) return;
    model.pending = { reason: 'drift', actor: null, detail };
    forecast.refitDueMs = Math.min(forecast.refitDueMs, nowMs);
    this.driftRefits += 1;
  }

  /** An operator asked for a refit: due at once, recorded with their name whether or not it can run. */
  requestRetrain(target: CatalogModel, actor: string, nowMs: number): RetrainOutcome {
    const model = this.models.get(seriesKey(target.signal, target.service));
    const forecast = this.book.get(target.signal, target.service);
    const outcome: RetrainOutcome =
      model && forecast
        ? { queued: true, version: model.version }
        : {
            queued: false,
            why: 'the series has no live forecast (stale, evicted, or not fitted since a restart); it is fitted when its samples arrive',
          };
    this.events.push({
      modelId: target.id,
      model: target.model,
      signal: target.signal,
      service: target.service,
      version: model?.version ?? target.version,
      atMs: nowMs,
      event: 'retrain_requested',
      reason: 'manual',
      actor,
      detail: outcome.queued ? null : outcome.why,
      samples: null,
      quality: { mase: null, brier: null },
    });
    if (model && forecast) {
      model.pending = { reason: 'manual', actor, detail: null };
      // Before every scheduled refit and every drift refit in the fit queue.
      forecast.refitDueMs = 0;
    }
    return outcome;
  }

  /** Drift refits marked since the last call (omen_model_drift_refits_total counts them). */
  takeDriftRefits(): number {
    const count = this.driftRefits;
    this.driftRefits = 0;
    return count;
  }

  get(key: SeriesKey): LiveModel | undefined {
    return this.models.get(seriesKey(key.signal, key.service));
  }

  /** Series with a forecast now, with their lifecycle. */
  live(): LiveModel[] {
    return this.book.all().flatMap((forecast) => {
      const model = this.models.get(seriesKey(forecast.signal, forecast.service));
      return model ? [model] : [];
    });
  }

  /** Forgets every series `keep` says no to (evicted series). */
  retain(keep: (signal: string, service: string) => boolean): void {
    for (const [key, model] of this.models) if (!keep(model.signal, model.service)) this.models.delete(key);
  }

  /** Writes what the cycle queued, in one transaction; rows are dropped only once written. */
  async flush(): Promise<void> {
    if (this.catalog.length === 0 && this.events.length === 0) return;
    const catalog = this.catalog;
    const events = this.events;
    this.catalog = [];
    this.events = [];
    try {
      await this.store.recordTraining(catalog, events);
    } catch (error) {
      // Kept for the next cycle's write, so a busy store loses no history; a store that
      // keeps failing costs the oldest history rows, never memory without bound.
      const latest = new Map([...catalog, ...this.catalog].map((m) => [m.id, m]));
      this.catalog = [...latest.values()];
      this.events = [...events, ...this.events].slice(-MAX_QUEUED_EVENTS);
      throw error;
    }
  }

  private params(forecast: SeriesForecast): Record<string, unknown> {
    const { settings } = this;
    return {
      period: forecast.walk.forecast.period,
      step: settings.stepMs / 1000,
      horizons: settings.horizons.map((h) => h.label),
      historySteps: settings.historySteps,
      threshold: forecast.threshold,
      thresholdLearned: forecast.thresholdLearned,
    };
  }
}
