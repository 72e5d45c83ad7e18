/**
 * POST /api/v1/analysis (admin) answers 202 with a job; GET /api/v1/jobs/:id (viewer)
 * tells how it went (DESIGN Decision 11). Repeated requests for the same analysis while
 * one runs join it.
 */
import { Router } from 'express';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import type { OnDemandAnalysis } from '../../pipeline/analysis.js';
import { actorOf, requireRole, type Actor } from '../auth.js';
import { analysisRequest, type JobBody, type JobResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { parseBodyOrThrow } from '../validate.js';

export interface JobsDeps {
  queue: JobQueue;
  analysis: Pick<OnDemandAnalysis, 'knows' | 'run'>;
}

const JOB_ID = /^[0-9a-f-]{36}$/;

export function jobsRouter(deps: JobsDeps): Router {
  const router = Router();
  router.post('/analysis', requireRole('administer'), (request, response) => {
    const { service } = parseBodyOrThrow(analysisRequest, request.body ?? {});
    if (service !== undefined && !deps.analysis.knows(service)) {
      throw new ApiError(404, 'not_found', `unknown service "${service}": Omen tracks no series of it`, {
        field: 'service',
      });
    }
    const { job, coalesced } = deps.queue.submit({
      kind: 'analysis',
      key: `analysis:${service ?? '*'}`,
      params: service === undefined ? {} : { service },
      submittedBy: actorName(actorOf(response)),
      run: () => deps.analysis.run(service),
    });
    const body: JobResponse = { job: jobBody(job), coalesced };
    response.status(202).location(`/api/v1/jobs/${job.id}`).json(body);
  });
  router.get('/jobs/:id', requireRole('read'), (request, response) => {
    const id = String(request.params.id);
    const job = JOB_ID.test(id) ? deps.queue.get(id) : undefined;
    if (!job) throw new ApiError(404, 'not_found', `no job ${id} (finished jobs are kept for a while only)`);
    response.json({ job: jobBody(job) });
  });
  return router;
}

/** Who asked: the Grafana user when the plugin's proxy names one, else which token. */
export function actorName(actor: Actor): string {
  return actor.user ?? actor.tokenId ?? actor.role;
}

export function jobBody(job: Job): JobBody {
  return {
    id: job.id,
    kind: job.kind as JobBody['kind'],
    state: job.state,
    params: job.params,
    submittedBy: job.submittedBy,
    submittedAt: new Date(job.submittedAtMs).toISOString(),
    finishedAt: job.finishedAtMs === null ? null : new Date(job.finishedAtMs).toISOString(),
    result: job.result,
    error: job.error,
  };
}
