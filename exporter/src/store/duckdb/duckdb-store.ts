/**
 * The DuckDB implementation of Omen's Store. Two connections, each used one task at a
 * time: writes queue on one (so transactions never interleave and a batch resolves only
 * once committed), reads on the other (so a long read does not hold up ingest; DuckDB's
 * MVCC gives them committed data only).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../../log/logger.js';
import type { SeriesSample } from '../../sources/source.js';
import type {
  ActionExecution,
  AnomalyQuery,
  AnomalyRecord,
  AuditEntry,
  AuditQuery,
  CatalogModel,
  CatalogQuery,
  ErrorEvent,
  ExecutionChange,
  ExecutionState,
  FeedbackRecord,
  IncidentAnalysis,
  IncidentQuery,
  IncidentWrite,
  ModelState,
  RetentionCutoffs,
  RollupOutcome,
  SeriesKey,
  Store,
  StoreOptions,
  TimeRange,
  TrainingEvent,
} from '../store.js';
import { queryAnomalies, writeAnomalyBatch } from './anomaly-store.js';
import { countErrorEvents, countErrorEventsBy, writeErrorEventBatch } from './error-event-store.js';
import { appendAudit, queryAudit } from './audit-store.js';
import {
  claimExecution,
  countExecutionsSince,
  getExecution,
  transitionExecution,
} from './execution-store.js';
import {
  acknowledgeAnomalies,
  countFeedbackByModel,
  getAnomaly,
  readAcks,
  readFeedbackSince,
  writeFeedback,
} from './feedback-store.js';
import { readIncidentAnalyses, writeIncidentAnalysis } from './incident-analysis-store.js';
import { getIncident, incidentAnomalies, queryIncidents, writeIncidentBatch } from './incident-store.js';
import { countAnomalies, rangeMeans } from './insight-store.js';
import { hourlyMeans } from './hourly-means.js';
import { migrate } from './migrate.js';
import { loadModelStates, saveModelStateBatch } from './model-state-store.js';
import { getModel, queryModels, recordTrainingBatch, trainingHistory } from './model-catalog-store.js';
import { IN_MEMORY, openError, openInstance, type OpenedInstance } from './open-instance.js';
import { applyRetention } from './retention-store.js';
import { readRollups, RollupMark } from './rollup-store.js';
import { readWindows } from './sample-reader.js';
import { readHistory } from './history-reader.js';
import { readSteps } from './step-reader.js';
import { SampleWriter } from './sample-writer.js';
import { SerialQueue } from './serial-queue.js';
import { SeriesIds } from './series-ids.js';
import { SeriesStats } from './series-stats.js';
import { memoryStoreBytes, storeFileBytes } from './store-size.js';
import { InvalidCursorError } from '../store.js';

export { InvalidCursorError };

export interface DuckDbStoreDeps {
  logger?: Logger;
}

export async function openDuckDbStore(options: StoreOptions, deps: DuckDbStoreDeps = {}): Promise<Store> {
  const opened = await openInstance(options);
  const connections: DuckDBConnection[] = [];
  try {
    const writer = await opened.instance.connect();
    connections.push(writer);
    const reader = await opened.instance.connect();
    connections.push(reader);
    await migrate(writer, { logger: deps.logger });
    const seriesIds = await SeriesIds.load(writer);
    const rollups = await RollupMark.load(writer);
    const stats = await SeriesStats.open(writer, (ms) =>
      deps.logger?.warn(
        { path: options.path, recountMs: Math.round(ms) },
        'the store was not closed cleanly (a crash?): recounted each series from its samples',
      ),
    );
    const samples = new SampleWriter(writer, seriesIds, rollups, stats);
    deps.logger?.info({ path: options.path, series: seriesIds.size }, 'store open');
    const parts = { seriesIds, samples, rollups, stats };
    return new DuckDbStore(options.path, opened, writer, reader, parts, deps.logger);
  } catch (cause) {
    for (const connection of connections) connection.closeSync();
    opened.instance.closeSync();
    opened.release();
    throw openError(options.path, cause);
  }
}

/** The in-memory state kept beside the connections: series ids and bookkeeping, rollup progress. */
interface StoreParts {
  seriesIds: SeriesIds;
  samples: SampleWriter;
  rollups: RollupMark;
  stats: SeriesStats;
}

class DuckDbStore implements Store {
  private readonly writes = new SerialQueue();
  private readonly reads = new SerialQueue();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly opened: OpenedInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    parts: StoreParts,
    private readonly logger: Logger | undefined,
  ) {
    this.seriesIds = parts.seriesIds;
    this.samples = parts.samples;
    this.rollups = parts.rollups;
    this.stats = parts.stats;
  }

  private readonly seriesIds: SeriesIds;
  private readonly samples: SampleWriter;
  private readonly rollups: RollupMark;
  private readonly stats: SeriesStats;

  writeSamples(samples: readonly SeriesSample[]): Promise<void> {
    return this.write('writing samples', () => this.samples.write(samples));
  }

  readWindows(ranges: readonly TimeRange[], only?: readonly SeriesKey[]) {
    return this.read('reading sample windows', () => readWindows(this.reader, ranges, only));
  }

  readSteps(range: TimeRange, stepMs: number, only: readonly SeriesKey[]) {
    return this.read('reading forecast steps', () => readSteps(this.reader, range, stepMs, only));
  }

  readHistory(key: SeriesKey, range: TimeRange, maxPoints: number) {
    return this.read('reading series history', () => readHistory(this.reader, key, range, maxPoints));
  }

  /** From memory: exact for every committed batch, and no query. */
  listSeries() {
    if (!this.isOpen()) return Promise.reject(this.closedError('listing series'));
    return Promise.resolve(this.stats.list(this.seriesIds.byId));
  }

  writeAnomalies(records: readonly AnomalyRecord[]): Promise<void> {
    return this.write('writing anomalies', () => writeAnomalyBatch(this.writer, this.seriesIds, records));
  }

  queryAnomalies(query: AnomalyQuery) {
    return this.read('querying anomalies', () => queryAnomalies(this.reader, query));
  }

  writeIncidents(incidents: readonly IncidentWrite[]) {
    return this.writeReturning('writing incidents', () => writeIncidentBatch(this.writer, incidents));
  }

  queryIncidents(query: IncidentQuery) {
    return this.read('querying incidents', () => queryIncidents(this.reader, query));
  }

  getIncident(id: string) {
    return this.read('reading an incident', () => getIncident(this.reader, id));
  }

  incidentAnomalies(id: string) {
    return this.read('reading incident anomalies', () => incidentAnomalies(this.reader, id));
  }

  writeIncidentAnalysis(analysis: IncidentAnalysis): Promise<void> {
    return this.write('writing an incident analysis', () => writeIncidentAnalysis(this.writer, analysis));
  }

  readIncidentAnalyses(ids: readonly string[]) {
    return this.read('reading incident analyses', () => readIncidentAnalyses(this.reader, ids));
  }

  rangeMeans(ranges: readonly TimeRange[]) {
    return this.read('averaging series over ranges', () => rangeMeans(this.reader, ranges));
  }

  countAnomalies(range: TimeRange) {
    return this.read('counting anomalies', () => countAnomalies(this.reader, range));
  }

  hourlyMeans(range: TimeRange) {
    return this.read('averaging series by the hour', () => hourlyMeans(this.reader, range));
  }

  saveModelStates(states: readonly ModelState[]): Promise<void> {
    return this.write('saving model states', () => saveModelStateBatch(this.writer, states));
  }

  loadModelStates(model: string) {
    return this.read('loading model states', () => loadModelStates(this.reader, model));
  }

  recordTraining(models: readonly CatalogModel[], events: readonly TrainingEvent[]): Promise<void> {
    return this.write('recording model training', () => recordTrainingBatch(this.writer, models, events));
  }

  queryModels(query: CatalogQuery) {
    return this.read('querying the model catalog', () => queryModels(this.reader, query));
  }

  getModel(id: string) {
    return this.read('reading a model', () => getModel(this.reader, id));
  }

  trainingHistory(ids: readonly string[], limit: number) {
    return this.read('reading training history', () => trainingHistory(this.reader, ids, limit));
  }

  writeErrorEvents(events: readonly ErrorEvent[]): Promise<void> {
    return this.write('writing error events', () => writeErrorEventBatch(this.writer, events));
  }

  countErrorEvents(query: { activeSinceMs: number; fromMs: number; toMs: number }) {
    return this.read('counting error events', () => countErrorEvents(this.reader, query));
  }

  countErrorEventsBy(query: { service: string; field: 'type' | 'severity'; fromMs: number; toMs: number }) {
    return this.read('counting error events by value', () => countErrorEventsBy(this.reader, query));
  }

  appendAudit(entry: AuditEntry): Promise<string> {
    return this.writeReturning('appending to the audit log', () => appendAudit(this.writer, entry));
  }

  queryAudit(query: AuditQuery) {
    return this.read('querying the audit log', () => queryAudit(this.reader, query));
  }

  getAnomaly(id: string) {
    return this.read('reading an anomaly', () => getAnomaly(this.reader, id));
  }

  acknowledgeAnomalies(ids: readonly string[], actor: string, atMs: number) {
    return this.writeReturning('acknowledging anomalies', () =>
      acknowledgeAnomalies(this.writer, ids, actor, atMs),
    );
  }

  readAcks(ids: readonly string[]) {
    return this.read('reading acknowledgements', () => readAcks(this.reader, ids));
  }

  writeFeedback(record: FeedbackRecord): Promise<void> {
    return this.write('writing feedback', () => writeFeedback(this.writer, record));
  }

  readFeedbackSince(fromMs: number) {
    return this.read('reading feedback', () => readFeedbackSince(this.reader, fromMs));
  }

  countFeedbackByModel() {
    return this.read('counting feedback', () => countFeedbackByModel(this.reader));
  }

  claimExecution(execution: ActionExecution, sinceMs: number) {
    return this.writeReturning('claiming an action execution', () =>
      claimExecution(this.writer, execution, sinceMs),
    );
  }

  transitionExecution(id: string, from: ExecutionState, change: ExecutionChange) {
    return this.writeReturning('updating an action execution', () =>
      transitionExecution(this.writer, id, from, change),
    );
  }

  getExecution(id: string) {
    return this.read('reading an action execution', () => getExecution(this.reader, id));
  }

  countExecutionsSince(sinceMs: number) {
    return this.read('counting action executions', () => countExecutionsSince(this.reader, sinceMs));
  }

  /** One queued write per chunk, so pushes and cycles interleave with a long backlog. */
  async rollUp(untilMs: number, options: { maxChunks?: number } = {}): Promise<RollupOutcome> {
    let buckets = 0;
    for (let chunk = 0; chunk < (options.maxChunks ?? Infinity); chunk += 1) {
      let written: number | null = null;
      await this.write('rolling up samples', async () => {
        written = await this.rollups.rollUpChunk(this.writer, untilMs);
      });
      if (written === null) return { buckets, caughtUp: true };
      buckets += written;
    }
    return { buckets, caughtUp: false };
  }

  /** Retention rewrites the series bookkeeping in SQL: flushed before, reloaded after. */
  applyRetention(cutoffs: RetentionCutoffs) {
    return this.writeReturning('applying retention', async () => {
      await this.stats.flush(this.writer);
      const outcome = await applyRetention(
        this.writer,
        cutoffs,
        await this.rollups.rolledUpBefore(this.writer),
      );
      await this.stats.reload(this.writer);
      return outcome;
    });
  }

  readRollups(ranges: readonly TimeRange[]) {
    return this.read('reading rollups', () => readRollups(this.reader, ranges));
  }

  sizeBytes() {
    // A file's size is a stat, not a query: it need not wait behind a long read.
    if (this.path !== IN_MEMORY) return storeFileBytes(this.path);
    return this.read('measuring the store', () => memoryStoreBytes(this.reader));
  }

  isOpen(): boolean {
    return this.closing === null;
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    // Work accepted before close() still completes; new work is refused by isOpen().
    await Promise.all([this.writes.drain(), this.reads.drain()]);
    await this.stats.markClean(this.writer).catch((error: unknown) => {
      // The next open recounts from the samples: slower, never wrong.
      this.logger?.warn({ err: String(error) }, 'saving series bookkeeping on close failed');
    });
    if (this.path !== IN_MEMORY) {
      // Folds the WAL into the file, so the next open does not have to replay it.
      await this.writer.run('CHECKPOINT').catch((error: unknown) => {
        this.logger?.warn({ err: String(error) }, 'store checkpoint on close failed; the WAL keeps the data');
      });
    }
    this.reader.closeSync();
    this.writer.closeSync();
    this.opened.instance.closeSync();
    this.opened.release();
    this.logger?.info({ path: this.path }, 'store closed');
  }

  private write(what: string, task: () => Promise<void>): Promise<void> {
    return this.writeReturning(what, task);
  }

  private writeReturning<T>(what: string, task: () => Promise<T>): Promise<T> {
    if (!this.isOpen()) return Promise.reject(this.closedError(what));
    return this.writes.run(task).catch((cause: unknown) => {
      throw withContext(what, cause);
    });
  }

  private read<T>(what: string, task: () => Promise<T>): Promise<T> {
    if (!this.isOpen()) return Promise.reject(this.closedError(what));
    return this.reads.run(task).catch((cause: unknown) => {
      throw withContext(what, cause);
    });
  }

  private closedError(what: string): Error {
    return new Error(`${what}: store ${this.path} is closed`);
  }
}

/**
 * Names the failed operation, except for errors about the caller's input, which keep
 * their type so the API can answer 400 instead of 500.
 */
function withContext(what: string, cause: unknown): Error {
  if (cause instanceof RangeError || cause instanceof InvalidCursorError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${what}: ${reason}`, { cause });
}
