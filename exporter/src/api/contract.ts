/**
 * The API's schemas, in one file: routes validate with them, the OpenAPI document is
 * generated from them, and the Grafana plugin imports their types.
 */
import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

const severity = z.enum(['low', 'medium', 'high', 'critical']);
const isoTime = z.iso.datetime({ offset: true });

export const seriesStatus = z
  .object({
    service: z.string(),
    value: z.number(),
    lastSampleAt: isoTime,
    stale: z.boolean(),
    warming: z.boolean(),
    anomalyScore: z.number().nullable(),
    anomalyActive: z.boolean(),
    threshold: z
      .number()
      .nullable()
      .meta({ description: 'The breach threshold: from config, else learned; null until either exists' }),
    thresholdLearned: z.boolean(),
    breach: z
      .array(
        z.object({
          horizon: z.string(),
          probability: z.number().nullable().meta({ description: 'null while the forecast is warming' }),
        }),
      )
      .meta({ description: 'P(breach within each horizon); empty until the series has a forecast' }),
    timeToBreachSeconds: z.number().nullable().meta({
      description:
        'Until a breach is more likely than not; null: none within the longest horizon, or the step it would fall on is still warming',
    }),
  })
  .meta({ id: 'SeriesStatus' });

export const signalInfo = z
  .object({
    name: z.string(),
    type: z
      .enum(['ratio', 'rate', 'gauge', 'histogram_quantile', 'promql', 'events'])
      .meta({ description: '`events`: the error rate the push source makes from pushed error events' }),
    help: z.string().nullable(),
    threshold: z.number().nullable(),
    season: z.string(),
    series: z.array(seriesStatus),
  })
  .meta({ id: 'Signal' });

export const signalsResponse = z.object({ signals: z.array(signalInfo) }).meta({ id: 'SignalsResponse' });

export const anomaly = z
  .object({
    id: z.string(),
    signal: z.string(),
    service: z.string(),
    time: isoTime,
    score: z.number(),
    severity,
    value: z.number(),
    expected: z.number(),
    lower: z.number(),
    upper: z.number(),
    model: z.string(),
    kind: z
      .enum(['spike', 'dip', 'level_shift', 'trend_change', 'pattern_deviation', 'unknown'])
      .meta({ description: "The anomaly's type; unknown for anomalies recorded before types were." }),
    explanation: z.string().meta({ description: 'Which component drove the score, in words.' }),
  })
  .meta({ id: 'Anomaly' });

export const anomaliesResponse = z
  .object({
    items: z.array(
      anomaly.extend({
        acknowledgement: z
          .object({ by: z.string(), at: isoTime })
          .nullable()
          .meta({ description: 'Who acknowledged it first, and when; null until someone does' }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AnomaliesResponse' });

const timeParam = z.union([isoTime, z.string().regex(/^\d+(\.\d+)?$/)]).meta({
  description: 'RFC 3339 time or Unix seconds',
});

export const anomaliesQuery = z.strictObject({
  service: z.string().min(1).optional(),
  signal: z.string().min(1).optional(),
  from: timeParam.optional(),
  to: timeParam.optional(),
  severity: severity.optional().meta({ description: 'this severity or worse' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

const band = {
  point: z.number(),
  lower_80: z.number(),
  upper_80: z.number(),
  lower_95: z.number(),
  upper_95: z.number(),
};

export const forecastQuery = z.strictObject({
  signal: z.string().min(1).max(200),
  service: z.string().min(1).max(200),
});

export const forecastResponse = z
  .object({
    signal: z.string(),
    service: z.string(),
    model: z.string(),
    step: z.string().meta({ description: 'Length of each forecast step, as a Prometheus duration' }),
    threshold: z.number(),
    thresholdLearned: z.boolean(),
    warming: z.boolean().meta({ description: 'The intervals rest on too few out-of-sample errors yet' }),
    timeToBreachSeconds: z.number().nullable(),
    path: z
      .array(z.object({ time: isoTime, ...band }))
      .meta({ description: 'One entry per step, from the step now filling to the longest horizon' }),
    horizons: z.array(z.object({ horizon: z.string(), breachProbability: z.number().nullable(), ...band })),
  })
  .meta({ id: 'Forecast' });

// GET /api/v1/signals/:signal/values: one series' recent values, for the chart before a forecast.
export const seriesValuesQuery = z.strictObject({
  service: z.string().min(1).max(200),
  from: timeParam
    .optional()
    .meta({ description: 'RFC 3339 time or Unix seconds; default: `span` before `to`' }),
  to: timeParam.optional().meta({ description: 'RFC 3339 time or Unix seconds; default: now' }),
  span: z
    .string()
    .regex(/^(?:\d+(?:ms|s|m|h|d|w|y))+$/, { error: 'expected a duration such as 15m, 1h or 7d' })
    .optional()
    .meta({
      description:
        'Instead of `from`: how far before `to` the range starts (default 1h), so a chart of the last hour needs no clock',
    }),
  maxPoints: z.coerce
    .number()
    .int()
    .min(2)
    .max(5000)
    .default(500)
    .meta({ description: 'More samples than this in range are averaged into equal steps' }),
});

export const seriesValuesResponse = z
  .object({
    signal: z.string(),
    service: z.string(),
    from: isoTime,
    to: isoTime,
    samples: z.number().int().meta({ description: 'Raw samples in [from, to), before any averaging' }),
    step: z.string().nullable().meta({
      description: 'null: the points are the raw samples; else each point averages one step of this length',
    }),
    points: z
      .array(
        z.object({
          time: isoTime.meta({ description: 'The sample’s time, or the start of the step' }),
          value: z.number(),
          min: z.number(),
          max: z.number(),
        }),
      )
      .meta({ description: 'Oldest first; from the raw samples, so at most store.rawRetention back' }),
  })
  .meta({ id: 'SeriesValues' });

export const servicesResponse = z
  .object({
    services: z.array(
      z.object({
        service: z.string(),
        score: z
          .number()
          .nullable()
          .meta({ description: 'Calibrated 0..1 (omen_service_anomaly_score); null while warming' }),
        members: z.array(z.string()).meta({ description: 'The signals scored together, in order' }),
        explanation: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ServicesResponse' });

export const healthResponse = z
  .object({
    status: z.enum(['ok', 'not_ready']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })).optional(),
  })
  .meta({ id: 'Health' });

// The model catalog (issue 5): each trained model instance, its quality and its history.
export const modelsQuery = z.strictObject({
  model: z.string().min(1).max(200).optional().meta({ description: 'e.g. median_combination' }),
  signal: z.string().min(1).max(200).optional(),
  service: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(1000).optional(),
});

const trainingReason = z.enum(['initial', 'refit', 'drift', 'manual']).meta({
  description:
    'initial: first fit; refit: its schedule or a restart; drift: its error drifted; manual: an operator',
});

export const catalogModel = z
  .object({
    id: z.string().meta({ description: 'Stable per (model, signal, service); POST …/retrain takes it' }),
    model: z.string(),
    signal: z.string(),
    service: z.string(),
    version: z.number().int().meta({ description: 'Counts the fits of this instance, across restarts' }),
    params: z.record(z.string(), z.unknown()),
    trainedAt: isoTime,
    samples: z.number().int().meta({ description: 'Steps the model was fitted on' }),
    reason: trainingReason,
    backtest: z
      .object({
        mase: z.number().nullable().meta({
          description: 'Out-of-sample one-step MASE at training (null for a flat history)',
        }),
        brier: z.number().nullable().meta({
          description: 'Brier score of the breach calibration at the shortest horizon, at training',
        }),
      })
      .meta({ description: 'Measured when the model was trained' }),
    live: z
      .object({
        steps: z.number().int().meta({ description: 'Steps scored since training' }),
        recentError: z.number().nullable().meta({ description: 'Recent mean absolute one-step error' }),
        trainingError: z.number().nullable().meta({ description: 'The same error at training' }),
        coverage80: z.number().nullable(),
        coverage95: z.number().nullable(),
        refitPending: trainingReason.nullable().meta({ description: 'A refit is due before its schedule' }),
      })
      .nullable()
      .meta({ description: 'Since training, in this process; null when the series has no live forecast' }),
  })
  .meta({ id: 'CatalogModel' });

export const trainingEvent = z
  .object({
    version: z.number().int(),
    at: isoTime,
    event: z.enum(['fitted', 'retrain_requested']),
    reason: trainingReason,
    actor: z.string().nullable().meta({ description: 'Who asked, for a retrain' }),
    detail: z.string().nullable(),
    samples: z.number().int().nullable(),
    mase: z.number().nullable(),
    brier: z.number().nullable(),
  })
  .meta({ id: 'TrainingEvent' });

export const modelsResponse = z
  .object({
    items: z.array(
      catalogModel.extend({
        history: z
          .array(trainingEvent)
          .meta({ description: 'The newest training history rows, newest first' }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ModelsResponse' });

// POST /api/v1/ingest (the push source). Unknown fields are rejected, so a misspelt
// `timestamp` is a 400 rather than a sample silently stamped "now".
const timestampError = { error: 'expected RFC 3339 time or Unix seconds' };
const pushTimestamp = z
  .union(
    [z.number(timestampError).nonnegative(), z.iso.datetime({ offset: true, ...timestampError })],
    timestampError,
  )
  .meta({ description: 'RFC 3339 time or Unix seconds; default: when the request arrives' });
const serviceName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, { error: 'expected no control characters' })
  .meta({ description: 'The service: the `service` label of the series' });

export const ingestSample = z
  .strictObject({
    signal: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: 'expected a signal name of letters, digits and _' })
      .meta({ description: 'A configured signal that lists this push source in its `sources`' }),
    service: serviceName,
    value: z.number(),
    timestamp: pushTimestamp.optional(),
  })
  .meta({ id: 'IngestSample' });

export const errorEvent = z
  .strictObject({
    service: serviceName,
    type: z.string().min(1).max(200).meta({ description: 'The error type, e.g. TimeoutError' }),
    severity: z.enum(['info', 'warning', 'error', 'critical']).default('error'),
    timestamp: pushTimestamp.optional(),
  })
  .meta({ id: 'ErrorEvent' });

export const ingestRequest = z
  .strictObject({
    samples: z.array(ingestSample).default([]),
    events: z
      .array(errorEvent)
      .default([])
      .meta({ description: 'Counted into the push source’s per-service error-rate signal' }),
  })
  .meta({ id: 'IngestRequest' });

export const ingestResponse = z
  .object({
    accepted: z.object({ samples: z.number().int(), events: z.number().int() }),
  })
  .meta({ id: 'IngestResponse', description: 'Sent only once the whole batch is committed' });

// Jobs (DESIGN Decision 11): long work answers 202 with a job to poll.
export const analysisRequest = z
  .strictObject({
    service: serviceName.optional().meta({ description: 'Report on this service only; default: all' }),
  })
  .meta({ id: 'AnalysisRequest' });

export const job = z
  .object({
    id: z.string(),
    kind: z.enum(['analysis', 'retrain']),
    state: z.enum(['running', 'succeeded', 'failed']),
    params: z.record(z.string(), z.unknown()),
    submittedBy: z
      .string()
      .meta({ description: 'The Grafana user, else the token (never the token itself)' }),
    submittedAt: isoTime,
    finishedAt: isoTime.nullable(),
    result: z.unknown().meta({ description: 'What the job produced, once it succeeded' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'Job' });

export const jobResponse = z
  .object({
    job,
    coalesced: z
      .boolean()
      .meta({ description: 'True when the request joined the same work already running' }),
  })
  .meta({ id: 'JobResponse' });

// Incidents and their root-cause analysis (issue 7).
const seriesRef = { signal: z.string(), service: z.string() };

export const incidentsQuery = z.strictObject({
  state: z.enum(['open', 'resolved']).optional(),
  service: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Incidents with a series of this service' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

export const incident = z
  .object({
    id: z.string(),
    state: z.enum(['open', 'resolved']),
    openedAt: isoTime.meta({ description: 'Time of its first anomaly' }),
    lastAnomalyAt: isoTime,
    resolvedAt: isoTime.nullable().meta({ description: 'Set once quiet for incidents.quietPeriod' }),
    severity: severity.meta({ description: 'The worst severity among its anomalies' }),
    symptom: z
      .object(seriesRef)
      .meta({ description: 'The series the incident is about (worst, most anomalous): what RCA explains' }),
    anomalyCount: z.number().int(),
    series: z
      .array(
        z.object({
          ...seriesRef,
          anomalies: z.number().int(),
          firstAnomalyAt: isoTime,
          lastAnomalyAt: isoTime,
          maxScore: z.number(),
          severity,
        }),
      )
      .meta({ description: 'Member series, worst first' }),
    links: z.object({ self: z.string(), rca: z.string() }),
  })
  .meta({ id: 'Incident' });

export const incidentsResponse = z
  .object({ items: z.array(incident), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentsResponse' });

export const incidentResponse = z
  .object({ incident, anomalies: z.array(anomaly).meta({ description: 'Member anomalies, oldest first' }) })
  .meta({ id: 'IncidentResponse' });

export const rcaCause = z
  .object({
    rank: z.number().int().meta({ description: '1 is the likeliest cause' }),
    ...seriesRef,
    score: z.number().meta({ description: "Share 0..1 of the ranking's evidence (omen_rca_score)" }),
    evidence: z
      .object({
        change: z
          .number()
          .meta({ description: 'Robust change: IQRs above its baseline median, at its worst' }),
        onsetAt: isoTime.nullable().meta({ description: 'When it first moved past 3 IQRs (and stayed)' }),
        leadSeconds: z
          .number()
          .nullable()
          .meta({ description: 'How long before the symptom it moved (negative: after)' }),
        correlation: z.number().meta({ description: "Rank correlation of its change with the symptom's" }),
        downstream: z
          .boolean()
          .nullable()
          .meta({ description: 'The symptom depends on it (call graph); null without a graph' }),
        explainedBy: z
          .string()
          .nullable()
          .meta({ description: 'A changed service it calls that accounts for its change' }),
        path: z
          .array(
            z.object({
              client: z.string(),
              server: z.string(),
              source: z.enum(['config', 'tempo', 'both']).meta({
                description: 'Where the edge is known from: rca.graph, Tempo’s service graph, or both',
              }),
            }),
          )
          .nullable()
          .optional()
          .meta({
            description:
              "The calls from the symptom's service down to this one ([] for the symptom's own service); null when the symptom does not call it, or without a graph",
          }),
      })
      .meta({ description: 'What the ranker saw; each field can be checked on the series' }),
  })
  .meta({ id: 'RcaCause' });

export const labelContrast = z
  .object({
    label: z.string().meta({ description: 'A label of the symptom’s events, e.g. pod, version, code, type' }),
    value: z.string().meta({ description: 'One of its values ("" where the label was missing)' }),
    incidentShare: z.number().meta({ description: 'Share 0..1 of the events during the incident' }),
    baselineShare: z.number().meta({
      description:
        'Share 0..1 expected from the baseline before it: its share of the errors then, or, with traffic (ratio signals), its traffic now at its error ratio then',
    }),
    incidentCount: z.number().meta({ description: 'Its events during the incident' }),
    baselineCount: z.number().meta({ description: 'Its events in the baseline' }),
    score: z.number().meta({ description: 'Adtributor surprise in bits, 0..0.5: how over-represented' }),
    z: z.number().meta({ description: 'Two-proportion z of the rise in share (at least 3)' }),
  })
  .meta({ id: 'LabelContrast' });

export const rcaResponse = z
  .object({
    incidentId: z.string(),
    symptom: z.object(seriesRef),
    analysedAt: isoTime.nullable().meta({ description: 'null until the incident has been analysed' }),
    model: z.string().nullable(),
    causes: z.array(rcaCause).meta({ description: 'Likeliest first' }),
    labelContrast: z.array(labelContrast).meta({
      description:
        'Label values of the symptom that carry more of its events during the incident than before it, most over-represented first (signals with contrastBy, push error types)',
    }),
    similar: z
      .array(
        z.object({
          id: z.string(),
          openedAt: isoTime,
          state: z.enum(['open', 'resolved']),
          similarity: z.number().meta({ description: 'Share of member series in common (Jaccard), 0..1' }),
          sameCause: z.boolean().meta({ description: 'Its likeliest cause was the same series' }),
          topCause: z.object(seriesRef).nullable(),
          link: z.string(),
        }),
      )
      .meta({ description: 'Past incidents with a similar signature (the series anomalous together)' }),
  })
  .meta({ id: 'RcaResponse' });

export type IncidentsQuery = z.infer<typeof incidentsQuery>;
export type IncidentBody = z.infer<typeof incident>;
export type IncidentsResponse = z.infer<typeof incidentsResponse>;
export type IncidentResponse = z.infer<typeof incidentResponse>;
export type RcaResponse = z.infer<typeof rcaResponse>;

// GET /api/v1/summary: what an overview page needs in one call.
const actionResults = ['success', 'failure', 'timeout', 'refused', 'pending_approval'] as const;

export const summaryResponse = z
  .object({
    generatedAt: isoTime,
    health: z.object({
      score: z.number().meta({ description: '0..100: 100 less the penalty of each reason' }),
      status: z.enum(['ok', 'degraded', 'critical']).meta({ description: 'ok ≥ 90, degraded ≥ 60' }),
      reasons: z
        .array(
          z.object({
            code: z.enum([
              'store_closed',
              'source_down',
              'incident_open',
              'anomalies_active',
              'breach_likely',
              'model_failing',
            ]),
            message: z.string(),
            penalty: z.number(),
            link: z.string().nullable().meta({ description: 'Where the evidence is (an API path)' }),
          }),
        )
        .meta({ description: 'Largest penalty first' }),
    }),
    anomalies: z
      .object({
        active: z.number().int(),
        bySeverity: z.object({
          low: z.number().int(),
          medium: z.number().int(),
          high: z.number().int(),
          critical: z.number().int(),
        }),
      })
      .meta({ description: 'Series anomalous now (omen_anomaly_active = 1), by severity' }),
    breaches: z
      .array(
        z.object({
          ...seriesRef,
          horizon: z.string(),
          probability: z.number(),
          value: z.number(),
          threshold: z.number().nullable(),
        }),
      )
      .meta({ description: 'Highest breach probabilities, one per series (its likeliest horizon)' }),
    incidents: z.object({
      open: z.number().int(),
      items: z.array(incident).meta({ description: 'The newest open incidents' }),
    }),
    actions: z
      .object({
        available: z.boolean().meta({ description: 'false until actions are configured in this Omen' }),
        last24h: z.object({
          total: z.number().int(),
          byResult: z.object(Object.fromEntries(actionResults.map((r) => [r, z.number().int()]))),
        }),
      })
      .meta({ description: 'Action executions in the last 24 hours' }),
    models: z
      .array(z.object({ model: z.string(), success: z.boolean() }))
      .meta({ description: 'omen_model_run_success of each model: did its last run succeed' }),
  })
  .meta({ id: 'Summary' });

export type SummaryResponse = z.infer<typeof summaryResponse>;

// GET /api/v1/insights: short findings from the store, ranked.
export const insightsQuery = z.strictObject({
  period: z
    .string()
    .regex(/^\d+[smhdw]$/, { error: 'expected a duration such as 24m, 1d or 7d' })
    .default('7d')
    .meta({ description: 'Compare the last period with the one before (7d: week over week)' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const insightsResponse = z
  .object({
    generatedAt: isoTime,
    period: z.string(),
    items: z
      .array(
        z.object({
          kind: z.enum(['trend', 'capacity', 'noisy', 'recurring']).meta({
            description:
              'recurring: the series peaks at about the same local time (config timezone) on most days of the period (periods of 3 days or more), or else on most days of one weekday (3 weeks or more)',
          }),
          ...seriesRef,
          score: z.number().meta({ description: '0..1; items are ranked by it' }),
          title: z.string().meta({ description: 'The finding in one sentence' }),
          evidence: z.string().meta({ description: 'An API path where the evidence is' }),
          details: z.record(z.string(), z.number()),
        }),
      )
      .meta({ description: 'Most important first' }),
  })
  .meta({ id: 'InsightsResponse' });

export type InsightsResponse = z.infer<typeof insightsResponse>;

export type SignalsResponse = z.infer<typeof signalsResponse>;
export type ForecastResponse = z.infer<typeof forecastResponse>;
export type SeriesValuesResponse = z.infer<typeof seriesValuesResponse>;
export type ServicesResponse = z.infer<typeof servicesResponse>;
export type IngestRequest = z.infer<typeof ingestRequest>;
export type IngestRequestInput = z.input<typeof ingestRequest>;
export type IngestResponse = z.infer<typeof ingestResponse>;
export type AnomaliesResponse = z.infer<typeof anomaliesResponse>;
export type AnomaliesQuery = z.infer<typeof anomaliesQuery>;
export type Anomaly = z.infer<typeof anomaly>;
export type ErrorBody = z.infer<typeof errorBody>;
export type AnalysisRequest = z.infer<typeof analysisRequest>;
export type JobBody = z.infer<typeof job>;
export type JobResponse = z.infer<typeof jobResponse>;
export type ModelsResponse = z.infer<typeof modelsResponse>;
export type CatalogModelBody = z.infer<typeof catalogModel>;

// Audit (DESIGN Decision 10): every state-changing call, newest first.
export const auditQuery = z.strictObject({
  actor: z.string().min(1).max(200).optional().meta({ description: 'Who: a Grafana user or a token id' }),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'What, e.g. anomaly.ack, action.execute' }),
  from: timeParam.optional(),
  to: timeParam.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

export const auditEntry = z
  .object({
    id: z.string(),
    time: isoTime,
    actor: z.string().meta({ description: 'The Grafana user, else the token (never the token itself)' }),
    action: z.string(),
    target: z.string().nullable().meta({ description: 'e.g. anomaly:42, execution:<id>' }),
    parameters: z.record(z.string(), z.unknown()),
    result: z.string().meta({ description: 'success, failure, timeout, refused, pending_approval, …' }),
    durationMs: z.number(),
  })
  .meta({ id: 'AuditEntry' });

export const auditResponse = z
  .object({ items: z.array(auditEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditResponse' });

// Feedback on anomalies (operator).
const note = z.string().max(1000).meta({ description: 'Free text, kept in the audit trail' });

export const ackRequest = z.strictObject({ note: note.optional() }).meta({ id: 'AckRequest' });

export const ackResponse = z
  .object({
    anomalyId: z.string(),
    acknowledgedBy: z.string(),
    acknowledgedAt: isoTime,
    alreadyAcknowledged: z.boolean().meta({ description: 'True when someone had acknowledged it before' }),
  })
  .meta({ id: 'AckResponse' });

export const feedbackRequest = z
  .strictObject({ verdict: z.enum(['true_positive', 'false_positive']), note: note.default('') })
  .meta({ id: 'FeedbackRequest' });

export const feedbackResponse = z
  .object({
    anomalyId: z.string(),
    verdict: z.enum(['true_positive', 'false_positive']),
    givenBy: z.string(),
    givenAt: isoTime,
    activeAt: z.number().meta({
      description: 'The score the series now needs to be anomalous (raised by recent false positives)',
    }),
  })
  .meta({ id: 'FeedbackResponse' });

// Actions (DESIGN "Safety rules for actions"): declared in config, executed by operators.
const targetIds = {
  anomalyId: z.string().min(1).max(40).optional(),
  incidentId: z.string().min(1).max(40).optional(),
};

export const actionsQuery = z
  .strictObject(targetIds)
  .meta({ description: 'Name a target to learn which actions apply to it' });

export const actionParamValue = z.union([z.string().max(1000), z.number(), z.boolean()]);

export const executeRequest = z
  .strictObject({
    ...targetIds,
    params: z.record(z.string().max(100), actionParamValue).default({}),
  })
  .refine((body) => (body.anomalyId === undefined) !== (body.incidentId === undefined), {
    error: 'set exactly one of anomalyId or incidentId',
    path: ['anomalyId'],
  })
  .meta({ id: 'ExecuteRequest' });

export const actionInfo = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string().meta({ description: 'webhook, alertmanager_silence or acknowledge' }),
    role: z.enum(['operator', 'admin']).meta({ description: 'The role needed to execute it' }),
    auto: z.boolean(),
    approval: z.boolean().meta({ description: 'A second, different operator must approve each execution' }),
    appliesTo: z.object({ signals: z.array(z.string()), services: z.array(z.string()) }),
    params: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['string', 'number', 'boolean', 'duration']),
        required: z.boolean(),
        description: z.string(),
      }),
    ),
    applicable: z
      .boolean()
      .nullable()
      .meta({ description: 'Whether it applies to the target asked about; null when none was named' }),
    recommendation: z.object({ score: z.number(), reason: z.string() }).nullable().meta({
      description:
        'For an incident: how strongly it is recommended (0..1, as omen_action_recommended) and why; null otherwise',
    }),
  })
  .meta({ id: 'Action' });

export const actionsResponse = z.object({ actions: z.array(actionInfo) }).meta({ id: 'ActionsResponse' });

export const execution = z
  .object({
    id: z.string(),
    action: z.string(),
    target: z.object({ kind: z.enum(['anomaly', 'incident']), id: z.string() }),
    params: z.record(z.string(), z.unknown()),
    state: z.enum(['pending_approval', 'running', 'success', 'failure', 'timeout', 'refused']),
    requestedBy: z.string(),
    requestedAt: isoTime,
    approvedBy: z.string().nullable(),
    finishedAt: isoTime.nullable(),
    result: z
      .unknown()
      .meta({ description: 'What the executor reported (status, silence ids); never a secret' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'Execution' });

export const executionResponse = z
  .object({
    execution,
    replayed: z
      .boolean()
      .meta({ description: 'True when the Idempotency-Key was seen before: this is that execution' }),
  })
  .meta({ id: 'ExecutionResponse' });

export type AuditResponse = z.infer<typeof auditResponse>;
export type AckResponse = z.infer<typeof ackResponse>;
export type FeedbackResponse = z.infer<typeof feedbackResponse>;
export type ActionInfo = z.infer<typeof actionInfo>;
export type ActionsResponse = z.infer<typeof actionsResponse>;
export type ExecuteRequest = z.infer<typeof executeRequest>;
export type ExecutionBody = z.infer<typeof execution>;
export type ExecutionResponse = z.infer<typeof executionResponse>;
