/**
 * The HTTP application, built from its dependencies so tests start it in-process on
 * port 0 against a real store. Routes stay thin; the pipeline does the work.
 */
import express from 'express';
import type { OmenConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import { metricsRouter } from '../exposition/metrics-router.js';
import type { SourceHealth } from '../pipeline/collect.js';
import type { ScoreSnapshot } from '../scores/snapshot.js';
import type { SeriesScore } from '../scores/series-score.js';
import type { Store } from '../store/store.js';
import { errorHandler, notFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { anomaliesRouter } from './routes/anomalies.js';
import { healthRouter } from './routes/health.js';
import { signalsRouter } from './routes/signals.js';

export interface AppDeps {
  config: OmenConfig;
  store: Store;
  snapshot: ScoreSnapshot;
  self: SelfMetrics;
  sourceHealth: Map<string, SourceHealth>;
  latest: { scores: SeriesScore[] };
  logger: Logger;
  version: string;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));
  app.use(metricsRouter(deps.snapshot, deps.self));
  app.use(healthRouter({ storeOpen: () => deps.store.isOpen(), sourceHealth: deps.sourceHealth }));
  const openapi = openApiDocument(deps.version);
  app.get('/api/v1/openapi.json', (_request, response) => {
    response.json(openapi);
  });
  app.use('/api/v1', signalsRouter(deps.config, deps.latest));
  app.use('/api/v1', anomaliesRouter(deps.store));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
