/**
 * Builds feedback and actions from the config for the exporter: the series' sensitivity
 * the pipeline reads, and what the API's feedback and action routes need.
 */
import type { OmenConfig } from '../config/schema.js';
import { parseDuration } from '../config/duration.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import { AnomalyFeedback } from '../feedback/anomaly-feedback.js';
import { SeriesSensitivity } from '../feedback/series-sensitivity.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { Auditor } from './audit.js';
import { AutoActions } from './auto-actions.js';
import { ActionCatalog } from './catalog.js';
import { incidentTargets } from './incident-target.js';
import { ActionRecommendations } from './recommendations.js';
import { createExecutors } from './registry.js';
import { ActionRunner } from './runner.js';
import { anomalyTargets, targetResolver } from './target.js';

export interface ActionsSetup {
  sensitivity: SeriesSensitivity;
  recommendations: ActionRecommendations;
  feedback: AnomalyFeedback;
  runner: ActionRunner;
  /** For createApp's `actions`. */
  api: {
    feedback: AnomalyFeedback;
    auditor: Auditor;
    catalog: ActionCatalog;
    runner: ActionRunner;
    targets: ReturnType<typeof targetResolver>;
    writeRateLimit: { perSecond: number; burst: number };
  };
}

export function setUpActions(
  config: Pick<OmenConfig, 'actions' | 'feedback' | 'anomaly'>,
  deps: {
    store: Store;
    self: SelfMetrics;
    logger: Logger;
    secrets: ReadonlyMap<string, string>;
    clock?: () => number;
  },
): ActionsSetup {
  const clock = deps.clock ?? Date.now;
  const sensitivity = new SeriesSensitivity(config.anomaly.activeAt, {
    lookbackMs: parseDuration(config.feedback.lookback),
    factor: config.feedback.factor,
    maxSteps: config.feedback.maxSteps,
  });
  const feedback = new AnomalyFeedback(deps.store, sensitivity, deps.self, clock);
  const auditor = new Auditor(deps.store, deps.logger, clock);
  const catalog = new ActionCatalog(config.actions.catalog, config.actions.timeout);
  const targets = targetResolver({
    anomaly: anomalyTargets(deps.store),
    incident: incidentTargets(deps.store),
  });
  const runner = new ActionRunner({
    catalog,
    executors: createExecutors({
      webhook: { secrets: deps.secrets, allowedUrls: config.actions.allowedUrls, clock },
      acknowledger: feedback,
    }),
    targets,
    store: deps.store,
    auditor,
    executions: deps.self.actionExecutions,
    idempotencyWindowMs: parseDuration(config.actions.idempotencyWindow),
    clock,
  });
  return {
    sensitivity,
    recommendations: new ActionRecommendations(
      config.actions.catalog,
      deps.self.actionRecommended,
      new AutoActions({
        catalog,
        runner,
        auditor,
        executions: deps.self.actionExecutions,
        logger: deps.logger,
        ...config.actions.automatic,
        clock,
      }),
    ),
    feedback,
    runner,
    api: { feedback, auditor, catalog, runner, targets, writeRateLimit: config.actions.rateLimit },
  };
}
