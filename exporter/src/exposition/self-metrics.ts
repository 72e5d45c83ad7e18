/**
 * Omen's own health metrics (sources, cycles, models), held in one prom-client registry
 * and read at scrape time. Per-series metrics live in the score snapshot instead.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SELF_METRICS } from '../scores/contract.js';

export class SelfMetrics {
  readonly registry = new Registry();
  readonly sourceUp = new Gauge({ ...spec('sourceUp'), registers: [this.registry] });
  readonly sourceDuration = new Gauge({ ...spec('sourceDuration'), registers: [this.registry] });
  readonly sourceParseErrors = new Counter({ ...spec('sourceParseErrors'), registers: [this.registry] });
  readonly cycleDuration = new Histogram({
    ...spec('cycleDuration'),
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly cycleOverruns = new Counter({ ...spec('cycleOverruns'), registers: [this.registry] });
  readonly modelRunSuccess = new Gauge({ ...spec('modelRunSuccess'), registers: [this.registry] });
  readonly modelInfo = new Gauge({ ...spec('modelInfo'), registers: [this.registry] });
  readonly modelLastTrained = new Gauge({ ...spec('modelLastTrained'), registers: [this.registry] });
  readonly modelBacktestMase = new Gauge({ ...spec('modelBacktestMase'), registers: [this.registry] });
  readonly modelBacktestCoverage = new Gauge({
    ...spec('modelBacktestCoverage'),
    registers: [this.registry],
  });
  readonly modelBacktestBrier = new Gauge({ ...spec('modelBacktestBrier'), registers: [this.registry] });
  readonly modelDriftRefits = new Counter({ ...spec('modelDriftRefits'), registers: [this.registry] });
  readonly seriesDropped = new Counter({ ...spec('seriesDropped'), registers: [this.registry] });
  readonly storeRetentionDeleted = new Counter({
    ...spec('storeRetentionDeleted'),
    registers: [this.registry],
  });
  readonly storeRollupBuckets = new Counter({ ...spec('storeRollupBuckets'), registers: [this.registry] });
  readonly storeMaintenanceLastSuccess = new Gauge({
    ...spec('storeMaintenanceLastSuccess'),
    registers: [this.registry],
  });
  readonly feedback = new Counter({ ...spec('feedback'), registers: [this.registry] });
  readonly modelFeedbackPrecision = new Gauge({
    ...spec('modelFeedbackPrecision'),
    registers: [this.registry],
  });
  readonly actionExecutions = new Counter({ ...spec('actionExecutions'), registers: [this.registry] });
  readonly actionRecommended = new Gauge({ ...spec('actionRecommended'), registers: [this.registry] });
  readonly rcaGraphEdges = new Gauge({ ...spec('rcaGraphEdges'), registers: [this.registry] });

  constructor(options: { processMetrics: boolean }) {
    // Process metrics (CPU, memory, event loop) are standard for an exporter; tests of the
    // omen_* contract may leave them out.
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Counters exist from the start with 0, so rate() works from the first scrape. */
  registerSource(name: string): void {
    this.sourceParseErrors.inc({ source: name }, 0);
    this.sourceUp.set({ source: name }, 0);
  }

  /**
   * DuckDB's own memory count, set by each cycle after its reads: read at scrape time, the
   * query would wait behind the pipeline's. Made with the store, so Omen without one has none.
   */
  storeMemory: Gauge | undefined;

  /** The size is read at scrape time: a stat of the file, never a query behind the pipeline's. */
  registerStore(store: { sizeBytes(): Promise<number> }, tables: readonly string[]): void {
    this.storeMemory = new Gauge({ ...spec('storeMemory'), registers: [this.registry] });
    new Gauge({
      ...spec('storeSize'),
      registers: [this.registry],
      async collect() {
        try {
          this.set(await store.sizeBytes());
        } catch {
          // /metrics must answer even while the store closes: the last size stands.
        }
      },
    });
    for (const table of tables) this.storeRetentionDeleted.inc({ table }, 0);
  }

  registerModel(name: string): void {
    this.modelRunSuccess.set({ model: name }, 1);
  }

  /** omen_model_info: what a model name stands for, and which Omen trains it. */
  registerModelInfo(model: string, algorithm: string, version: string): void {
    this.modelInfo.set({ model, algorithm, version }, 1);
  }
}

function spec(key: keyof typeof SELF_METRICS) {
  const { name, help, labels } = SELF_METRICS[key];
  return { name, help, labelNames: [...labels] };
}
