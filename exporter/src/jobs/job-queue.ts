/**
 * Background jobs (DESIGN Decision 11): a request that starts long work gets a job id at
 * once and polls `GET /api/v1/jobs/:id`. Work with the same key as a job still queued or
 * running joins that job instead of starting again, so ten clicks on "analyse now" run one
 * analysis. Finished jobs are kept for a while (bounded) so their result can be read.
 */
import { randomUUID } from 'node:crypto';

export type JobState = 'running' | 'succeeded' | 'failed';

export interface Job {
  id: string;
  kind: string;
  /** Jobs with the same key coalesce while one is running. */
  key: string;
  params: Record<string, unknown>;
  state: JobState;
  submittedBy: string;
  submittedAtMs: number;
  finishedAtMs: number | null;
  result: unknown;
  error: string | null;
}

export interface Submission {
  job: Job;
  /** True when the work joined a job that was already running. */
  coalesced: boolean;
}

export interface JobRequest {
  kind: string;
  key: string;
  params: Record<string, unknown>;
  submittedBy: string;
  run: () => Promise<unknown>;
}

export interface JobQueueOptions {
  /** Finished jobs remembered; the oldest are forgotten first. */
  keepFinished?: number;
  clock?: () => number;
  /** Told when a job ends, e.g. to audit or count it. */
  onFinished?: (job: Job) => void;
}

const DEFAULT_KEEP_FINISHED = 500;

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly runningByKey = new Map<string, Job>();
  private readonly pending = new Set<Promise<void>>();
  private readonly keepFinished: number;
  private readonly clock: () => number;

  constructor(private readonly options: JobQueueOptions = {}) {
    this.keepFinished = options.keepFinished ?? DEFAULT_KEEP_FINISHED;
    this.clock = options.clock ?? Date.now;
  }

  submit(request: JobRequest): Submission {
    const running = this.runningByKey.get(request.key);
    if (running) return { job: { ...running }, coalesced: true };
    const job: Job = {
      id: randomUUID(),
      kind: request.kind,
      key: request.key,
      params: request.params,
      state: 'running',
      submittedBy: request.submittedBy,
      submittedAtMs: this.clock(),
      finishedAtMs: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.runningByKey.set(job.key, job);
    const done = this.execute(job, request.run).finally(() => this.pending.delete(done));
    this.pending.add(done);
    return { job: { ...job }, coalesced: false };
  }

  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  /** Resolves when every job submitted so far has finished (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async execute(job: Job, run: () => Promise<unknown>): Promise<void> {
    try {
      job.result = (await run()) ?? null;
      job.state = 'succeeded';
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      job.state = 'failed';
    }
    job.finishedAtMs = this.clock();
    this.runningByKey.delete(job.key);
    this.forgetOldFinished();
    this.options.onFinished?.({ ...job });
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    // Map iteration is insertion order, so the first finished entries are the oldest.
    for (const job of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.jobs.delete(job.id);
    }
  }
}
