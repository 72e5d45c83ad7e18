/**
 * The metric contract (DESIGN "The metric contract") in one place: every name, help text
 * and label set Omen publishes per series. Nothing unbounded is ever a label.
 */
export const EXPECTED_BOUNDS = ['point', 'lower_80', 'upper_80', 'lower_95', 'upper_95'] as const;
export type ExpectedBound = (typeof EXPECTED_BOUNDS)[number];

export const SEVERITY_LEVEL = { none: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

interface MetricSpec {
  name: string;
  help: string;
  labels: readonly string[];
}

const SERIES = ['signal', 'service'] as const;

export const SERIES_METRICS = {
  signalValue: { name: 'omen_signal_value', help: 'The value Omen modelled for the series.', labels: SERIES },
  threshold: {
    name: 'omen_threshold',
    help: 'Breach threshold of the series (SLO from config, or learned).',
    labels: SERIES,
  },
  anomalyScore: {
    name: 'omen_anomaly_score',
    help: 'Calibrated anomaly score 0..1: 1 minus the tail probability of the newest value.',
    labels: SERIES,
  },
  anomalyActive: {
    name: 'omen_anomaly_active',
    help: '1 while the series is anomalous (score at or above anomaly.activeAt and not warming).',
    labels: SERIES,
  },
  anomalySeverity: {
    name: 'omen_anomaly_severity',
    help: 'Anomaly severity: 0 none, 1 low, 2 medium, 3 high, 4 critical.',
    labels: SERIES,
  },
  expected: {
    name: 'omen_expected',
    help: 'The band expected for the current value: point and 80%/95% bounds.',
    labels: [...SERIES, 'bound'],
  },
  forecast: {
    name: 'omen_forecast',
    help: 'Value expected at now + horizon: point and 80%/95% bounds.',
    labels: [...SERIES, 'horizon', 'bound'],
  },
  breachProbability: {
    name: 'omen_breach_probability',
    help: 'Calibrated probability that the series crosses omen_threshold within the horizon.',
    labels: [...SERIES, 'horizon'],
  },
  timeToBreach: {
    name: 'omen_time_to_breach_seconds',
    help: 'Seconds until a breach is more likely than not (+Inf: none within the longest horizon).',
    labels: SERIES,
  },
  warming: {
    name: 'omen_series_warming',
    help: '1 while the series has too little history for its model to alarm.',
    labels: SERIES,
  },
  lastSample: {
    name: 'omen_series_last_sample_timestamp_seconds',
    help: 'Unix time of the newest sample of the series (kept until the series is evicted).',
    labels: SERIES,
  },
  serviceAnomalyScore: {
    name: 'omen_service_anomaly_score',
    help: "Calibrated 0..1 score of the service's series taken together (an isolation forest over their values).",
    labels: ['service'],
  },
  tracked: { name: 'omen_series_tracked', help: 'Series Omen currently tracks.', labels: [] },
  incidentOpen: {
    name: 'omen_incident_open',
    help: '1 while the series is a symptom of an open incident (co-occurring anomalies), else 0.',
    labels: SERIES,
  },
  rcaScore: {
    name: 'omen_rca_score',
    help: "Share 0..1 of an open incident's root-cause evidence on the cause series (its top causes only).",
    labels: ['symptom_signal', 'symptom_service', 'cause_signal', 'cause_service'],
  },
} as const satisfies Record<string, MetricSpec>;

export const SELF_METRICS = {
  sourceUp: {
    name: 'omen_source_up',
    help: '1 if the last collection from the source succeeded, else 0.',
    labels: ['source'],
  },
  sourceDuration: {
    name: 'omen_source_scrape_duration_seconds',
    help: 'Duration of the last collection from the source.',
    labels: ['source'],
  },
  sourceParseErrors: {
    name: 'omen_source_parse_errors_total',
    help: 'Lines or values from the source that could not be used.',
    labels: ['source'],
  },
  cycleDuration: { name: 'omen_cycle_duration_seconds', help: 'Duration of pipeline cycles.', labels: [] },
  cycleOverruns: {
    name: 'omen_cycle_overruns_total',
    help: 'Cycles skipped because the previous one was still running.',
    labels: [],
  },
  modelRunSuccess: {
    name: 'omen_model_run_success',
    help: '1 if the model ran on every series in the last cycle, else 0.',
    labels: ['model'],
  },
  modelInfo: {
    name: 'omen_model_info',
    help: 'Always 1: the model, its algorithm and the Omen version that trains it.',
    labels: ['model', 'algorithm', 'version'],
  },
  modelLastTrained: {
    name: 'omen_model_last_trained_timestamp_seconds',
    help: 'Unix time of the oldest training among the series the model forecasts now.',
    labels: ['model'],
  },
  modelBacktestMase: {
    name: 'omen_model_backtest_mase',
    help: 'Median over series of the out-of-sample one-step MASE measured when each was trained.',
    labels: ['model'],
  },
  modelBacktestCoverage: {
    name: 'omen_model_backtest_coverage',
    help: 'Share of steps since training whose value fell inside the band published for it (nominal: level/100).',
    labels: ['model', 'level'],
  },
  modelBacktestBrier: {
    name: 'omen_model_backtest_brier',
    help: 'Median over series of the breach calibration Brier score (shortest horizon) measured when each was trained.',
    labels: ['model'],
  },
  modelDriftRefits: {
    name: 'omen_model_drift_refits_total',
    help: 'Series marked for refit before their schedule because their error drifted.',
    labels: ['model'],
  },
  seriesDropped: {
    name: 'omen_series_dropped_total',
    help: 'Series or samples dropped, by reason.',
    labels: ['reason'],
  },
  storeSize: {
    name: 'omen_store_size_bytes',
    help: 'Bytes the store takes on disk (DuckDB file and write-ahead log).',
    labels: [],
  },
  storeMemory: {
    name: 'omen_store_memory_bytes',
    help: 'Bytes DuckDB holds in memory by its own count, mostly cached blocks of the store file (up to store.memoryLimit); read at the end of each cycle.',
    labels: [],
  },
  storeRetentionDeleted: {
    name: 'omen_store_retention_deleted_rows_total',
    help: 'Rows deleted by retention, by table.',
    labels: ['table'],
  },
  storeRollupBuckets: {
    name: 'omen_store_rollup_buckets_total',
    help: 'Five-minute rollup rows written (or rewritten after late samples).',
    labels: [],
  },
  storeMaintenanceLastSuccess: {
    name: 'omen_store_maintenance_last_success_timestamp_seconds',
    help: 'Unix time the store maintenance (rollups, retention) last completed.',
    labels: [],
  },
  feedback: {
    name: 'omen_feedback_total',
    help: 'Operator verdicts on anomalies, by verdict (true_positive, false_positive).',
    labels: ['verdict'],
  },
  modelFeedbackPrecision: {
    name: 'omen_model_feedback_precision',
    help: 'Share of the model’s anomalies judged by operators that were true positives.',
    labels: ['model'],
  },
  actionExecutions: {
    name: 'omen_action_executions_total',
    help: 'Action executions by result: success, failure, timeout, refused, pending_approval.',
    labels: ['action', 'result'],
  },
  actionRecommended: {
    name: 'omen_action_recommended',
    help: 'How strongly the action is recommended (0..1) for the symptom series of an open incident.',
    labels: ['action', 'signal', 'service'],
  },
  rcaGraphEdges: {
    name: 'omen_rca_graph_edges',
    help: 'Edges of the service dependency graph incidents and RCA use, by source (config, tempo); an edge both know counts for both.',
    labels: ['source'],
  },
} as const satisfies Record<string, MetricSpec>;
