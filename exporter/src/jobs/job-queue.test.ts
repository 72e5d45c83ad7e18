import { describe, expect, it } from 'vitest';
import { JobQueue, type Job } from './job-queue.js';

function gate() {
  let open!: (value: unknown) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const request = (key: string, run: () => Promise<unknown>) => ({
  kind: 'analysis',
  key,
  params: { service: key },
  submittedBy: 'admin',
  run,
});

describe('JobQueue', () => {
  it('reports a job running, then its result', async () => {
    const queue = new JobQueue({ clock: () => 1_000 });
    const work = gate();
    const { job, coalesced } = queue.submit(request('all', () => work.promise));
    expect(coalesced).toBe(false);
    expect(queue.get(job.id)?.state).toBe('running');
    work.open({ series: 3 });
    await queue.drain();
    expect(queue.get(job.id)).toMatchObject({
      state: 'succeeded',
      result: { series: 3 },
      error: null,
      finishedAtMs: 1_000,
    });
  });

  it('joins work with the same key while it runs, and starts anew once it ended', async () => {
    const queue = new JobQueue();
    const work = gate();
    let runs = 0;
    const run = () => {
      runs += 1;
      return work.promise;
    };
    const first = queue.submit(request('all', run));
    const second = queue.submit(request('all', run));
    expect(second).toMatchObject({ coalesced: true, job: { id: first.job.id } });
    const other = queue.submit(request('payments', () => Promise.resolve('done')));
    expect(other.job.id).not.toBe(first.job.id);
    work.open('ok');
    await queue.drain();
    expect(runs).toBe(1);
    const third = queue.submit(request('all', run));
    expect(third.coalesced).toBe(false);
    await queue.drain();
    expect(runs).toBe(2);
  });

  it('keeps the failure message of a failed job and tells the listener', async () => {
    const ended: Job[] = [];
    const queue = new JobQueue({ onFinished: (job) => ended.push(job) });
    const { job } = queue.submit(request('all', () => Promise.reject(new Error('store closed'))));
    await queue.drain();
    expect(queue.get(job.id)).toMatchObject({ state: 'failed', error: 'store closed' });
    expect(ended.map((entry) => entry.state)).toEqual(['failed']);
  });

  it('forgets the oldest finished jobs beyond its bound, never a running one', async () => {
    const queue = new JobQueue({ keepFinished: 2 });
    const slow = gate();
    const running = queue.submit(request('slow', () => slow.promise)).job;
    const ids = ['a', 'b', 'c'].map((key) => queue.submit(request(key, () => Promise.resolve(key))).job.id);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.get(ids[0]!)).toBeUndefined();
    expect(queue.get(ids[1]!)?.state).toBe('succeeded');
    expect(queue.get(ids[2]!)?.state).toBe('succeeded');
    expect(queue.get(running.id)?.state).toBe('running');
    slow.open(null);
    await queue.drain();
  });

  it('hands out copies, so a caller cannot change a job', () => {
    const queue = new JobQueue();
    const { job } = queue.submit(request('all', () => new Promise(() => undefined)));
    job.state = 'failed';
    expect(queue.get(job.id)?.state).toBe('running');
  });
});
