import { useEffect, useState } from 'react';
import { getJson } from './client';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'done'; data: T };

/**
 * GETs `path` through the read route, again whenever `refreshKey` changes (a panel passes its
 * time range, so a dashboard refresh reloads it). A stale answer never overwrites a newer one.
 */
export function useOmenQuery<T>(path: string, refreshKey?: unknown): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setState({ status: 'done', data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
        }
      }
    );
    return () => controller.abort();
  }, [path, refreshKey]);
  return state;
}

/** Several queries shown as one: loading until all are done, the first error if any fails. */
export function allDone<A, B, C>(a: QueryState<A>, b: QueryState<B>, c: QueryState<C>): QueryState<[A, B, C]> {
  for (const state of [a, b, c]) {
    if (state.status === 'error') {
      return state;
    }
  }
  if (a.status === 'done' && b.status === 'done' && c.status === 'done') {
    return { status: 'done', data: [a.data, b.data, c.data] };
  }
  return { status: 'loading' };
}
