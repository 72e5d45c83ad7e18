/**
 * The HTTP application, built from its dependencies so tests start it in-process on
 * port 0 against a real store. Routes stay thin; the pipeline does the work.
 * /metrics, /healthz and /readyz are open; every /api/v1 call is authenticated first
 * (when tokens are configured), and each router states the permission it needs.
 */
import express from 'express';
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import { metricsRouter } from '../exposition/metrics-router.js';
import type { SourceHealth } from '../pipeline/collect.js';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SeriesScore, ServiceAnomaly } from '../scores/series-score.js';
import type { Store } from '../store/store.js';
import { ApiTokens, authenticate, requireRole } from './auth.js';
import { auditedCall } from './audited-call.js';
import { errorHandler, notFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { rateLimit, TokenBuckets } from './rate-limit.js';
import { actionsRouter, type ActionsDeps } from './routes/actions.js';
import { anomaliesRouter } from './routes/anomalies.js';
import { auditRouter } from './routes/audit.js';
import { forecastsRouter, type ForecastsDeps } from './routes/forecasts.js';
import { feedbackRouter, type FeedbackDeps } from './routes/feedback.js';
import { healthRouter } from './routes/health.js';
import { incidentsRouter } from './routes/incidents.js';
import { insightsRouter } from './routes/insights.js';
import { summaryRouter } from './routes/summary.js';
import { ingestRouter, type PushIngest } from './routes/ingest.js';
import { jobsRouter, type JobsDeps } from './routes/jobs.js';
import { modelsRouter, type ModelsDeps } from './routes/models.js';
import { servicesRouter } from './routes/services.js';
import { signalsRouter } from './routes/signals.js';
import { seriesValuesRouter } from './routes/series-values.js';

export interface AppDeps {
  config: OmenConfig;
  store: Store;
  snapshot: ScoreSnapshot;
  self: SelfMetrics;
  sourceHealth: Map<string, SourceHealth>;
  latest: { scores: SeriesScore[]; services?: ServiceAnomaly[] };
  logger: Logger;
  version: string;
  /** API tokens; none (the default) leaves the API open. */
  tokens?: ApiTokens;
  /** The push source behind POST /api/v1/ingest, when one is configured. */
  push?: PushIngest;
  /** Request time for ingest (timestamps, rate limits); injected by tests. */
  clock?: () => number;
  /** The pipeline's forecasts, for GET /api/v1/forecasts; absent when forecasting is off. */
  forecasts?: ForecastsDeps;
  /** Background jobs (on-demand analysis); absent, their routes are not mounted. */
  jobs?: JobsDeps;
  /** The model catalog and retrains (GET /api/v1/models); absent, not mounted. */
  models?: ModelsDeps;
  /** Feedback and actions, audited; absent, their routes are not mounted (GET /api/v1/audit always is). */
  actions?: FeedbackDeps & ActionsDeps & { writeRateLimit: { perSecond: number; burst: number } };
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(metricsRouter(deps.snapshot, deps.self));
  app.use(healthRouter({ storeOpen: () => deps.store.isOpen(), sourceHealth: deps.sourceHealth }));
  // Authenticated before any body is read, so an anonymous client cannot make us parse 1 MiB.
  app.use('/api/v1', authenticate(deps.tokens ?? ApiTokens.none()));
  // Ingest brings its own body parser with the push source's size limit.
  app.use('/api/v1', ingestRouter(deps.push, deps.clock));
  app.use(express.json({ limit: '1mb' }));
  if (deps.actions) {
    // Admin calls that change state are audited too (DESIGN Decision 10).
    const { auditor } = deps.actions;
    app.post('/api/v1/analysis', auditedCall(auditor, 'analysis.run'));
    app.post(
      '/api/v1/models/:id/retrain',
      auditedCall(auditor, 'model.retrain', (p) => `model:${p.id}`),
    );
  }
  const openapi = openApiDocument(deps.version);
  const read = requireRole('read');
  app.get('/api/v1/openapi.json', read, (_request, response) => {
    response.json(openapi);
  });
  app.use('/api/v1', read, signalsRouter(deps.config, deps.latest));
  app.use('/api/v1', read, seriesValuesRouter(deps.store, deps.clock ?? Date.now));
  app.use('/api/v1', read, anomaliesRouter(deps.store));
  app.use('/api/v1', read, incidentsRouter(deps.store));
  const { store, latest, self, sourceHealth, clock } = deps;
  // Executions in the last 24 h, once actions are wired.
  const actions = deps.actions && ((sinceMs: number) => store.countExecutionsSince(sinceMs));
  app.use('/api/v1', read, summaryRouter({ store, latest, self, sourceHealth, clock, actions }));
  const intervalMs = parseDuration(deps.config.pipeline.interval);
  const timeZone = deps.config.timezone;
  app.use('/api/v1', read, insightsRouter({ store, latest, intervalMs, timeZone, clock }));
  app.use('/api/v1', read, forecastsRouter(deps.forecasts, deps.latest));
  app.use('/api/v1', read, servicesRouter(deps.latest));
  app.use('/api/v1', read, auditRouter(deps.store));
  if (deps.jobs) app.use('/api/v1', jobsRouter(deps.jobs));
  if (deps.models) app.use('/api/v1', modelsRouter(deps.models));
  if (deps.actions) {
    const { perSecond, burst } = deps.actions.writeRateLimit;
    const writes = rateLimit(new TokenBuckets(perSecond, burst, deps.clock), 'write');
    app.use('/api/v1', feedbackRouter(deps.actions, writes));
    app.use('/api/v1', actionsRouter(deps.actions, writes));
  }
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
