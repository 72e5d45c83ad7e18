/**
 * The DuckDB implementation of Omen's Store: each method names its task and hands it to
 * the write or the read connection (store-connections.ts), where the *-store.ts module of
 * its feature does the SQL.
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
import { IN_MEMORY, openError, openInstance } from './open-instance.js';
import { applyRetention } from './retention-store.js';
import { readRollups, RollupMark } from './rollup-store.js';
import { readWindows } from './sample-reader.js';
import { readHistory } from './history-reader.js';
import { readSteps } from './step-reader.js';
import { SampleWriter } from './sample-writer.js';
import { SeriesIds } from './series-ids.js';
import { SeriesStats } from './series-stats.js';
import { StoreConnections } from './store-connections.js';
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
    const { logger } = deps;
    const beforeClose = (connection: DuckDBConnection) =>
      stats.markClean(connection).catch((error: unknown) => {
        // The next open recounts from the samples: slower, never wrong.
        logger?.warn({ err: String(error) }, 'saving series bookkeeping on close failed');
      });
    const db = new StoreConnections({ path: options.path, opened, writer, reader, beforeClose, logger });
    return new DuckDbStore(db, seriesIds, samples, rollups, stats);
  } catch (cause) {
    for (const connection of connections) connection.closeSync();
    opened.instance.closeSync();
    opened.release();
    throw openError(options.path, cause);
  }
}

/** Beside the connections, the in-memory state: series ids and bookkeeping, rollup progress. */
class DuckDbStore implements Store {
  constructor(
    private readonly db: StoreConnections,
    private readonly seriesIds: SeriesIds,
    private readonly samples: SampleWriter,
    private readonly rollups: RollupMark,
    private readonly stats: SeriesStats,
  ) {}

  writeSamples(samples: readonly SeriesSample[]): Promise<void> {
    return this.db.write('writing samples', () => this.samples.write(samples));
  }

  readWindows(ranges: readonly TimeRange[], only?: readonly SeriesKey[]) {
    return this.db.read('reading sample windows', (reader) => readWindows(reader, ranges, only));
  }

  readSteps(range: TimeRange, stepMs: number, only: readonly SeriesKey[]) {
    return this.db.read('reading forecast steps', (reader) => readSteps(reader, range, stepMs, only));
  }

  readHistory(key: SeriesKey, range: TimeRange, maxPoints: number) {
    return this.db.read('reading series history', (reader) => readHistory(reader, key, range, maxPoints));
  }

  /** From memory: exact for every committed batch, and no query. */
  listSeries() {
    if (!this.db.isOpen()) return Promise.reject(this.db.closedError('listing series'));
    return Promise.resolve(this.stats.list(this.seriesIds.byId));
  }

  writeAnomalies(records: readonly AnomalyRecord[]): Promise<void> {
    return this.db.write('writing anomalies', (writer) => writeAnomalyBatch(writer, this.seriesIds, records));
  }

  queryAnomalies(query: AnomalyQuery) {
    return this.db.read('querying anomalies', (reader) => queryAnomalies(reader, query));
  }

  writeIncidents(incidents: readonly IncidentWrite[]) {
    return this.db.write('writing incidents', (writer) => writeIncidentBatch(writer, incidents));
  }

  queryIncidents(query: IncidentQuery) {
    return this.db.read('querying incidents', (reader) => queryIncidents(reader, query));
  }

  getIncident(id: string) {
    return this.db.read('reading an incident', (reader) => getIncident(reader, id));
  }

  incidentAnomalies(id: string) {
    return this.db.read('reading incident anomalies', (reader) => incidentAnomalies(reader, id));
  }

  writeIncidentAnalysis(analysis: IncidentAnalysis): Promise<void> {
    return this.db.write('writing an incident analysis', (writer) => writeIncidentAnalysis(writer, analysis));
  }

  readIncidentAnalyses(ids: readonly string[]) {
    return this.db.read('reading incident analyses', (reader) => readIncidentAnalyses(reader, ids));
  }

  rangeMeans(ranges: readonly TimeRange[]) {
    return this.db.read('averaging series over ranges', (reader) => rangeMeans(reader, ranges));
  }

  countAnomalies(range: TimeRange) {
    return this.db.read('counting anomalies', (reader) => countAnomalies(reader, range));
  }

  hourlyMeans(range: TimeRange) {
    return this.db.read('averaging series by the hour', (reader) => hourlyMeans(reader, range));
  }

  saveModelStates(states: readonly ModelState[]): Promise<void> {
    return this.db.write('saving model states', (writer) => saveModelStateBatch(writer, states));
  }

  loadModelStates(model: string) {
    return this.db.read('loading model states', (reader) => loadModelStates(reader, model));
  }

  recordTraining(models: readonly CatalogModel[], events: readonly TrainingEvent[]): Promise<void> {
    return this.db.write('recording model training', (writer) => recordTrainingBatch(writer, models, events));
  }

  queryModels(query: CatalogQuery) {
    return this.db.read('querying the model catalog', (reader) => queryModels(reader, query));
  }

  getModel(id: string) {
    return this.db.read('reading a model', (reader) => getModel(reader, id));
  }

  trainingHistory(ids: readonly string[], limit: number) {
    return this.db.read('reading training history', (reader) => trainingHistory(reader, ids, limit));
  }

  writeErrorEvents(events: readonly ErrorEvent[]): Promise<void> {
    return this.db.write('writing error events', (writer) => writeErrorEventBatch(writer, events));
  }

  countErrorEvents(query: { activeSinceMs: number; fromMs: number; toMs: number }) {
    return this.db.read('counting error events', (reader) => countErrorEvents(reader, query));
  }

  countErrorEventsBy(query: { service: string; field: 'type' | 'severity'; fromMs: number; toMs: number }) {
    return this.db.read('counting error events by value', (reader) => countErrorEventsBy(reader, query));
  }

  appendAudit(entry: AuditEntry): Promise<string> {
    return this.db.write('appending to the audit log', (writer) => appendAudit(writer, entry));
  }

  queryAudit(query: AuditQuery) {
    return this.db.read('querying the audit log', (reader) => queryAudit(reader, query));
  }

  getAnomaly(id: string) {
    return this.db.read('reading an anomaly', (reader) => getAnomaly(reader, id));
  }

  acknowledgeAnomalies(ids: readonly string[], actor: string, atMs: number) {
    return this.db.write('acknowledging anomalies', (writer) =>
      acknowledgeAnomalies(writer, ids, actor, atMs),
    );
  }

  readAcks(ids: readonly string[]) {
    return this.db.read('reading acknowledgements', (reader) => readAcks(reader, ids));
  }

  writeFeedback(record: FeedbackRecord): Promise<void> {
    return this.db.write('writing feedback', (writer) => writeFeedback(writer, record));
  }

  readFeedbackSince(fromMs: number) {
    return this.db.read('reading feedback', (reader) => readFeedbackSince(reader, fromMs));
  }

  countFeedbackByModel() {
    return this.db.read('counting feedback', (reader) => countFeedbackByModel(reader));
  }

  claimExecution(execution: ActionExecution, sinceMs: number) {
    return this.db.write('claiming an action execution', (writer) =>
      claimExecution(writer, execution, sinceMs),
    );
  }

  transitionExecution(id: string, from: ExecutionState, change: ExecutionChange) {
    return this.db.write('updating an action execution', (writer) =>
      transitionExecution(writer, id, from, change),
    );
  }

  getExecution(id: string) {
    return this.db.read('reading an action execution', (reader) => getExecution(reader, id));
  }

  countExecutionsSince(sinceMs: number) {
    return this.db.read('counting action executions', (reader) => countExecutionsSince(reader, sinceMs));
  }

  /** One queued write per chunk, so pushes and cycles interleave with a long backlog. */
  async rollUp(untilMs: number, options: { maxChunks?: number } = {}): Promise<RollupOutcome> {
    let buckets = 0;
    for (let chunk = 0; chunk < (options.maxChunks ?? Infinity); chunk += 1) {
      let written: number | null = null;
      await this.db.write('rolling up samples', async (writer) => {
        written = await this.rollups.rollUpChunk(writer, untilMs);
      });
      if (written === null) return { buckets, caughtUp: true };
      buckets += written;
    }
    return { buckets, caughtUp: false };
  }

  /** Retention rewrites the series bookkeeping in SQL: flushed before, reloaded after. */
  applyRetention(cutoffs: RetentionCutoffs) {
    return this.db.write('applying retention', async (writer) => {
      await this.stats.flush(writer);
      const outcome = await applyRetention(writer, cutoffs, await this.rollups.rolledUpBefore(writer));
      await this.stats.reload(writer);
      return outcome;
    });
  }

  readRollups(ranges: readonly TimeRange[]) {
    return this.db.read('reading rollups', (reader) => readRollups(reader, ranges));
  }

  sizeBytes() {
    // A file's size is a stat, not a query: it need not wait behind a long read.
    if (this.db.path !== IN_MEMORY) return storeFileBytes(this.db.path);
    return this.memoryBytes();
  }

  memoryBytes() {
    return this.db.read('measuring DuckDB memory', (reader) => memoryStoreBytes(reader));
  }

  isOpen(): boolean {
    return this.db.isOpen();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
