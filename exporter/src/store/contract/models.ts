/**
 * What models carry between cycles, and the catalog of trained models (issue 5).
 */
import type { SeriesKey } from './samples.js';

export interface ModelState extends SeriesKey {
  model: string;
  /** JSON-serialisable state an online model carries between cycles. */
  state: unknown;
  updatedAtMs: number;
}

export interface ModelStateStore {
  saveModelStates(states: readonly ModelState[]): Promise<void>;
  loadModelStates(model: string): Promise<ModelState[]>;
}

/** Why a model was (re)trained: first fit, its schedule (or a restart), drift, or an operator. */
export type TrainingReason = 'initial' | 'refit' | 'drift' | 'manual';

/** Quality measured out of sample when the model was trained; null where not measured yet. */
export interface TrainingQuality {
  /** One-step error of the held-out walk over the in-sample seasonal-naive error. */
  mase: number | null;
  /** Brier score of the breach calibration at the shortest horizon. */
  brier: number | null;
}

/** One trained model instance (one model on one series) in the catalog. */
export interface CatalogModel extends SeriesKey {
  /** Stable per (model, signal, service), safe in a URL. */
  id: string;
  model: string;
  version: number;
  params: Record<string, unknown>;
  trainedAtMs: number;
  /** Steps (or points) the model was fitted on. */
  samples: number;
  quality: TrainingQuality;
  reason: TrainingReason;
}

/** One append-only training history row: a new version, or a retrain someone asked for. */
export interface TrainingEvent extends SeriesKey {
  modelId: string;
  model: string;
  /** The version fitted, or the version current when a retrain was requested. */
  version: number;
  atMs: number;
  event: 'fitted' | 'retrain_requested';
  reason: TrainingReason;
  actor: string | null;
  /** Why, in words (e.g. how far the error drifted). */
  detail: string | null;
  samples: number | null;
  quality: TrainingQuality;
}

export interface CatalogQuery {
  model?: string;
  signal?: string;
  service?: string;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface CatalogPage {
  items: CatalogModel[];
  nextCursor: string | null;
}

export interface ModelCatalogStore {
  /** Upserts the catalog rows and appends the history rows, in one transaction. */
  recordTraining(models: readonly CatalogModel[], events: readonly TrainingEvent[]): Promise<void>;
  /** Ordered by (model, signal, service). */
  queryModels(query: CatalogQuery): Promise<CatalogPage>;
  /** Null when no model has this id. */
  getModel(id: string): Promise<CatalogModel | null>;
  /** The newest `limit` history rows of each model instance asked for, newest first per instance. */
  trainingHistory(ids: readonly string[], limit: number): Promise<TrainingEvent[]>;
}
