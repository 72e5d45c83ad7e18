/**
 * GET /api/v1/models (viewer): the model catalog, one entry per trained model instance, with
 * its backtest quality, how it has done since (in this process) and its latest history;
 * filtered by model, signal and service, paginated. POST /api/v1/models/:id/retrain (admin)
 * answers 202 with a job (DESIGN Decision 11) that joins a retrain of the same id already
 * running; the request is recorded in the training history with who asked.
 */
import { Router } from 'express';
import type { JobQueue } from '../../jobs/job-queue.js';
import { recentError, coverage } from '../../pipeline/drift.js';
import type { LiveModel } from '../../pipeline/model-lifecycle.js';
import type { ModelRetrain } from '../../pipeline/model-retrain.js';
import type { CatalogModel, ModelCatalogStore, SeriesKey, TrainingEvent } from '../../store/store.js';
import { actorOf, requireRole } from '../auth.js';
import { modelsQuery, type CatalogModelBody, type JobResponse, type ModelsResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { pageWithCursor, parseOrThrow } from '../validate.js';
import { actorName, jobBody } from './jobs.js';

export interface ModelsDeps {
  store: ModelCatalogStore;
  queue: JobQueue;
  /** Live state of the series forecast now; absent when forecasting is off. */
  lifecycle?: { get(key: SeriesKey): LiveModel | undefined };
  retrain?: Pick<ModelRetrain, 'run'>;
}

/** History rows per model in the list: the latest few; the rest stay in the store. */
const HISTORY_PER_MODEL = 5;

const MODEL_ID = /^[0-9a-f]{16}$/;

export function modelsRouter(deps: ModelsDeps): Router {
  const router = Router();
  router.get('/models', requireRole('read'), async (request, response) => {
    const query = parseOrThrow(modelsQuery, request.query, 'query');
    const page = await pageWithCursor(() => deps.store.queryModels(query));
    const history = await deps.store.trainingHistory(
      page.items.map((m) => m.id),
      HISTORY_PER_MODEL,
    );
    const body: ModelsResponse = {
      items: page.items.map((model) => ({
        ...modelBody(model, deps.lifecycle?.get(model)),
        history: history.filter((e) => e.modelId === model.id).map(eventBody),
      })),
      nextCursor: page.nextCursor,
    };
    response.json(body);
  });
  router.post('/models/:id/retrain', requireRole('administer'), async (request, response) => {
    const id = String(request.params.id);
    const model = MODEL_ID.test(id) ? await deps.store.getModel(id) : null;
    if (!model) throw new ApiError(404, 'not_found', `no model ${id} (GET /api/v1/models lists them)`);
    const { retrain } = deps;
    if (!retrain) throw new ApiError(404, 'not_found', 'forecasting is off: nothing retrains models');
    const actor = actorName(actorOf(response));
    const { job, coalesced } = deps.queue.submit({
      kind: 'retrain',
      key: `retrain:${id}`,
      params: { model: id },
      submittedBy: actor,
      run: () => retrain.run(model, actor),
    });
    const body: JobResponse = { job: jobBody(job), coalesced };
    response.status(202).location(`/api/v1/jobs/${job.id}`).json(body);
  });
  return router;
}

function modelBody(model: CatalogModel, live: LiveModel | undefined): CatalogModelBody {
  const covered = live ? coverage(live.live) : null;
  return {
    id: model.id,
    model: model.model,
    signal: model.signal,
    service: model.service,
    version: model.version,
    params: model.params,
    trainedAt: new Date(model.trainedAtMs).toISOString(),
    samples: model.samples,
    reason: model.reason,
    backtest: model.quality,
    // Only when memory holds the version the catalog shows (a refit may not be written yet).
    live:
      live && covered && live.version === model.version
        ? {
            steps: live.live.steps,
            recentError: recentError(live.live),
            trainingError: live.quality.oneStepError,
            coverage80: covered.level80,
            coverage95: covered.level95,
            refitPending: live.pending?.reason ?? null,
          }
        : null,
  };
}

function eventBody(event: TrainingEvent) {
  return {
    version: event.version,
    at: new Date(event.atMs).toISOString(),
    event: event.event,
    reason: event.reason,
    actor: event.actor,
    detail: event.detail,
    samples: event.samples,
    mase: event.quality.mase,
    brier: event.quality.brier,
  };
}
