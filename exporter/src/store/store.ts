/**
 * What the rest of Omen may ask of the store. Only `store/duckdb/` speaks SQL; everything
 * else depends on these interfaces (and tests run them against a real DuckDB).
 */
import type { OverRepresentedValue } from '../models/rca/label-contrast.js';
import type { AnomalyKind } from '../models/types.js';
import type { SeriesSample } from '../sources/source.js';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export interface SeriesKey {
  signal: string;
  service: string;
}

/** Half-open time range [fromMs, toMs) in Unix milliseconds. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** The samples of one series that fall inside the requested ranges, oldest first. */
export interface SeriesWindow extends SeriesKey {
  timestampsMs: number[];
  values: number[];
}

/**
 * One series averaged over steps of `stepMs` aligned to the Unix epoch: the steps that hold
 * samples, oldest first (the newest may still be filling).
 */
export interface StepWindow extends SeriesKey {
  stepMs: number;
  /** Start of each step, Unix ms. */
  startsMs: number[];
  means: number[];
  counts: number[];
  /** Time of the newest sample read. */
  lastSampleMs: number;
}

/** One series' values over a range, for a chart: raw samples, or step averages when they are too many. */
export interface SeriesHistory {
  /** Samples inside the range, before any averaging. */
  samples: number;
  /** Null: `points` are the raw samples; else the length of each epoch-aligned step averaged. */
  stepMs: number | null;
  /** Oldest first; a step's `timeMs` is its start, `min`/`max` its extremes (a raw sample's own value). */
  points: { timeMs: number; value: number; min: number; max: number }[];
}

export interface SeriesInfo extends SeriesKey {
  firstSampleMs: number;
  lastSampleMs: number;
  samples: number;
}

export interface AnomalyRecord extends SeriesKey {
  timestampMs: number;
  score: number;
  severity: Severity;
  value: number;
  expected: number;
  lower: number;
  upper: number;
  model: string;
  kind: AnomalyKind | 'unknown';
  /** Which component drove the score, in words. */
  explanation: string;
}

export interface StoredAnomaly extends AnomalyRecord {
  id: string;
}

export interface AnomalyQuery {
  service?: string;
  signal?: string;
  fromMs?: number;
  toMs?: number;
  /** Only anomalies of this severity or worse. */
  minSeverity?: Severity;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface AnomalyPage {
  items: StoredAnomaly[];
  nextCursor: string | null;
}

export interface ModelState extends SeriesKey {
  model: string;
  /** JSON-serialisable state an online model carries between cycles. */
  state: unknown;
  updatedAtMs: number;
}

export interface SampleStore {
  /** Resolves only once the batch is committed (DESIGN Decision 8). */
  writeSamples(samples: readonly SeriesSample[]): Promise<void>;
  /** Every series' samples inside any of the ranges (ranges may overlap); only those of `only` when given. */
  readWindows(ranges: readonly TimeRange[], only?: readonly SeriesKey[]): Promise<SeriesWindow[]>;
  listSeries(): Promise<SeriesInfo[]>;
  /** The samples of `only` inside `range`, averaged per step (what forecasters are fitted on). */
  readSteps(range: TimeRange, stepMs: number, only: readonly SeriesKey[]): Promise<StepWindow[]>;
  /** At most `maxPoints` points of one series inside `range`; null for a series the store has never seen. */
  readHistory(key: SeriesKey, range: TimeRange, maxPoints: number): Promise<SeriesHistory | null>;
}

export interface AnomalyStore {
  writeAnomalies(records: readonly AnomalyRecord[]): Promise<void>;
  queryAnomalies(query: AnomalyQuery): Promise<AnomalyPage>;
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

export type EventSeverity = 'info' | 'warning' | 'error' | 'critical';

/** One error an application reported (push source): what failed, where, how badly, when. */
export interface ErrorEvent {
  service: string;
  /** The error's type, e.g. "TimeoutError". */
  type: string;
  severity: EventSeverity;
  timestampMs: number;
}

/** Error events of one service: how many fall in the counting range (possibly 0). */
export interface ErrorEventCount {
  service: string;
  count: number;
}

export interface ErrorEventStore {
  /** Resolves only once the batch is committed (DESIGN Decision 8). */
  writeErrorEvents(events: readonly ErrorEvent[]): Promise<void>;
  /**
   * Every service with an event in [activeSinceMs, toMs], with the number of its events in
   * (fromMs, toMs]; services that were active but have none in that range count 0.
   */
  countErrorEvents(query: {
    activeSinceMs: number;
    fromMs: number;
    toMs: number;
  }): Promise<ErrorEventCount[]>;
  /** One service's events in (fromMs, toMs] per value of `field`, for RCA's label contrast. */
  countErrorEventsBy(query: {
    service: string;
    field: 'type' | 'severity';
    fromMs: number;
    toMs: number;
  }): Promise<{ value: string; count: number }[]>;
}

/** One state-changing API call (DESIGN Decision 10): appended, never changed, never pruned. */
export interface AuditEntry {
  /** The Grafana user when the plugin's proxy names one, else which token. */
  actor: string;
  atMs: number;
  /** What was done, e.g. `anomaly.ack`, `action.execute`. */
  action: string;
  /** What it was done to, e.g. `anomaly:42`; null when nothing in particular. */
  target: string | null;
  parameters: Record<string, unknown>;
  /** How it ended, e.g. `success`, `refused`, `failure`. */
  result: string;
  durationMs: number;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface AuditStore {
  /** Returns the new row's id. */
  appendAudit(entry: AuditEntry): Promise<string>;
  /** Newest first, paginated like anomalies. */
  queryAudit(query: AuditQuery): Promise<{ items: StoredAuditEntry[]; nextCursor: string | null }>;
}

export type Verdict = 'true_positive' | 'false_positive';

export interface FeedbackRecord extends SeriesKey {
  anomalyId: string;
  model: string;
  verdict: Verdict;
  note: string;
  actor: string;
  atMs: number;
}

export interface AnomalyAck {
  anomalyId: string;
  actor: string;
  atMs: number;
}

export interface FeedbackStore {
  getAnomaly(id: string): Promise<StoredAnomaly | undefined>;
  /** The first acknowledgement of an anomaly stands; returns each one's (possibly earlier) ack. */
  acknowledgeAnomalies(ids: readonly string[], actor: string, atMs: number): Promise<AnomalyAck[]>;
  /** The acknowledgements of those of `ids` that have one. */
  readAcks(ids: readonly string[]): Promise<AnomalyAck[]>;
  writeFeedback(record: FeedbackRecord): Promise<void>;
  /** Feedback given at or after `fromMs`, oldest first. */
  readFeedbackSince(fromMs: number): Promise<FeedbackRecord[]>;
  /** Verdicts per model, over all feedback ever given. */
  countFeedbackByModel(): Promise<{ model: string; truePositives: number; falsePositives: number }[]>;
}

export type ExecutionState = 'pending_approval' | 'running' | 'success' | 'failure' | 'timeout' | 'refused';

export interface ActionExecution {
  id: string;
  actionId: string;
  idempotencyKey: string;
  target: { kind: 'anomaly' | 'incident'; id: string };
  params: Record<string, unknown>;
  requestedBy: string;
  requestedAtMs: number;
  state: ExecutionState;
  approvedBy: string | null;
  finishedAtMs: number | null;
  /** What the executor reported (status codes, silence ids); never a secret. */
  result: unknown;
  error: string | null;
}

export type ExecutionChange = Pick<ActionExecution, 'state'> &
  Partial<Pick<ActionExecution, 'approvedBy' | 'finishedAtMs' | 'result' | 'error'>>;

export interface ExecutionStore {
  /**
   * Records `execution` unless one with the same action and idempotency key was requested
   * at or after `sinceMs`: then that one is returned, `created: false`. Atomic, so two
   * concurrent requests with one key make one execution.
   */
  claimExecution(
    execution: ActionExecution,
    sinceMs: number,
  ): Promise<{ execution: ActionExecution; created: boolean }>;
  /** Moves an execution from state `from`; false (and no change) when it was no longer in `from`. */
  transitionExecution(id: string, from: ExecutionState, change: ExecutionChange): Promise<boolean>;
  getExecution(id: string): Promise<ActionExecution | undefined>;
  /** Executions requested since `sinceMs` by state, and `refused`: execute calls refused since then. */
  countExecutionsSince(sinceMs: number): Promise<Record<string, number>>;
}

/** Rollups are 5-minute buckets aligned to the Unix epoch (DESIGN Decision 7). */
export const ROLLUP_BUCKET_MS = 5 * 60_000;

/** One 5-minute bucket of one series' raw samples. */
export interface RollupBucket {
  /** Start of the bucket, Unix ms; the bucket is [startMs, startMs + ROLLUP_BUCKET_MS). */
  startMs: number;
  count: number;
  min: number;
  max: number;
  avg: number;
  /** The value of the bucket's newest sample. */
  last: number;
}

export interface RollupWindow extends SeriesKey {
  /** Oldest first. */
  buckets: RollupBucket[];
}

export interface RollupOutcome {
  /** Bucket rows written (or rewritten, after late samples) by this run. */
  buckets: number;
  /** False when the run stopped at its chunk budget; the next run goes on from there. */
  caughtUp: boolean;
}

/** Cut-off times: everything strictly before them is deleted. */
export interface RetentionCutoffs {
  rawBeforeMs: number;
  rollupsBeforeMs: number;
}

/** Rows deleted, per table. */
export type RetentionOutcome = Record<
  'samples' | 'error_events' | 'sample_rollups' | 'anomalies' | 'incidents',
  number
>;

/**
 * The store's own jobs (DESIGN Decision 7), run on a schedule by the pipeline, never on
 * the scrape path. Audit-like tables (model state, series, schema) are never touched.
 */
export interface MaintenanceStore {
  /**
   * Rolls every finished bucket before `untilMs` up from the raw samples, including
   * buckets that got late samples since they were last rolled up. Works in chunks so
   * ingest is never held up for long; at most `maxChunks` per call.
   */
  rollUp(untilMs: number, options?: { maxChunks?: number }): Promise<RollupOutcome>;
  /** Raw samples go only once rolled up, so retention never loses what rollups have not seen. */
  applyRetention(cutoffs: RetentionCutoffs): Promise<RetentionOutcome>;
  /** Every series' buckets that start inside any of the ranges. */
  readRollups(ranges: readonly TimeRange[]): Promise<RollupWindow[]>;
  /** Bytes the store takes on disk (file and write-ahead log), or in memory for `:memory:`. */
  sizeBytes(): Promise<number>;
}

export type IncidentState = 'open' | 'resolved';

/** An anomaly named by what makes it unique in the store (its id is the store's). */
export interface AnomalyRef extends SeriesKey {
  model: string;
  timestampMs: number;
}

/** An incident as the pipeline keeps it: its state and the series it is about. */
export interface IncidentRecord {
  state: IncidentState;
  openedAtMs: number;
  lastAnomalyMs: number;
  resolvedAtMs: number | null;
  /** The worst severity among its anomalies. */
  severity: Severity;
  /** The series the incident is about: the one its root-cause analysis explains. */
  symptom: SeriesKey;
}

/** One write of an incident: new without `id`; `anomalies` are added to its members. */
export interface IncidentWrite extends IncidentRecord {
  id?: string;
  anomalies: readonly AnomalyRef[];
}

/** One member series of an incident, summed over its anomalies. */
export interface IncidentSeries extends SeriesKey {
  anomalies: number;
  firstAnomalyMs: number;
  lastAnomalyMs: number;
  maxScore: number;
  severity: Severity;
}

export interface StoredIncident extends IncidentRecord {
  id: string;
  /** Member series, worst first. */
  series: IncidentSeries[];
  anomalyCount: number;
}

export interface IncidentQuery {
  state?: IncidentState;
  /** Incidents with a member series of this service. */
  service?: string;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface IncidentPage {
  items: StoredIncident[];
  nextCursor: string | null;
}

/** One ranked cause of an incident's symptom, with the ranker's evidence. */
export interface IncidentCause extends SeriesKey {
  rank: number;
  /** Share of the ranking's total score, 0..1 (what omen_rca_score publishes). */
  score: number;
  evidence: Record<string, unknown>;
}

export interface IncidentAnalysis {
  incidentId: string;
  analysedAtMs: number;
  model: string;
  causes: IncidentCause[];
  /** The symptom's over-represented label values, most surprising first; absent: none read. */
  labelContrast?: OverRepresentedValue[];
}

export interface IncidentStore {
  /** In one transaction; returns each incident's id, in input order. */
  writeIncidents(incidents: readonly IncidentWrite[]): Promise<string[]>;
  queryIncidents(query: IncidentQuery): Promise<IncidentPage>;
  /** Null when there is no such incident. */
  getIncident(id: string): Promise<StoredIncident | null>;
  /** The incident's member anomalies, oldest first. */
  incidentAnomalies(id: string): Promise<StoredAnomaly[]>;
  /** Replaces the incident's causes with this analysis. */
  writeIncidentAnalysis(analysis: IncidentAnalysis): Promise<void>;
  /** The latest analysis of each incident asked for (incidents never analysed are left out). */
  readIncidentAnalyses(ids: readonly string[]): Promise<IncidentAnalysis[]>;
}

/** One series' mean over each of several ranges (null: no data in that range). */
export interface RangeMeans extends SeriesKey {
  means: (number | null)[];
  /** Samples behind each mean. */
  counts: number[];
}

/** One series' mean per UTC hour (hours without samples are left out). */
export interface HourlyMeans extends SeriesKey {
  /** Hour starts, ascending. */
  startsMs: number[];
  means: number[];
}

/** Aggregates over long ranges, for findings (GET /api/v1/insights). */
export interface InsightStore {
  /** Every series' mean over each range, from the rollups and the raw samples not rolled up yet. */
  rangeMeans(ranges: readonly TimeRange[]): Promise<RangeMeans[]>;
  /** Anomalies per series inside the range; series with none are left out. */
  countAnomalies(range: TimeRange): Promise<(SeriesKey & { count: number })[]>;
  /** Every series' hourly means inside the range (daily patterns). */
  hourlyMeans(range: TimeRange): Promise<HourlyMeans[]>;
}

export interface Store
  extends
    SampleStore,
    AnomalyStore,
    ModelStateStore,
    ModelCatalogStore,
    ErrorEventStore,
    MaintenanceStore,
    IncidentStore,
    InsightStore,
    AuditStore,
    FeedbackStore,
    ExecutionStore {
  /** True while the store can serve (for /readyz). */
  isOpen(): boolean;
  /** Flushes and closes; safe to call twice. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  memoryLimit: string;
  threads: number;
}

/** The store file is held by another process: a one-line, actionable message. */
export class StoreLockedError extends Error {
  constructor(path: string, cause?: unknown) {
    super(
      `store ${path} is already in use by another Omen process; stop it or point store.path at another file`,
      { cause },
    );
    this.name = 'StoreLockedError';
  }
}

/** A pagination cursor this store did not hand out (or that was altered): the caller's error. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor: pass the nextCursor of a previous page unchanged');
    this.name = 'InvalidCursorError';
  }
}
