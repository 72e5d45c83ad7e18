/**
 * Retries within one collect: a request that failed for a passing reason (connection
 * reset, 503 while the server starts) is tried again after an exponential backoff,
 * instead of failing the whole cycle. Errors that will not pass (a refused query, bad
 * credentials) are thrown at once.
 */
export interface RetryPolicy {
  retries: number;
  backoffMs: number;
  /** Injected so tests neither wait nor depend on timers. */
  sleep: (ms: number, cancel: AbortSignal) => Promise<void>;
}

/** The delays before each retry: backoff, 2×backoff, 4×backoff, … */
export function retryDelays(retries: number, backoffMs: number): number[] {
  return Array.from({ length: retries }, (_, attempt) => backoffMs * 2 ** attempt);
}

export function abortableSleep(ms: number, cancel: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (cancel.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      cancel.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    cancel.addEventListener('abort', done, { once: true });
  });
}

export async function withRetries<T>(
  attempt: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  cancel: AbortSignal,
): Promise<T> {
  const delays = retryDelays(policy.retries, policy.backoffMs);
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delays[tries];
      if (delay === undefined || cancel.aborted || !isRetryable(error)) throw error;
      await policy.sleep(delay, cancel);
    }
  }
}
