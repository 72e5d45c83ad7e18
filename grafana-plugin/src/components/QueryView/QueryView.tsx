import React, { type ReactNode } from 'react';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { OmenApiError } from '../../api/client';
import type { QueryState } from '../../api/useOmenQuery';
import { testIds } from '../testIds';

interface Props<T> {
  state: QueryState<T>;
  /** What is being loaded, for the loading and error texts ("signals"). */
  what: string;
  /** True when the answer has nothing to show; `empty` then explains why. */
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
  /**
   * Where the exporter's 404 means "nothing here yet" rather than a fault (a series with no
   * forecast yet), it is shown as the empty state with the exporter's own explanation.
   */
  notFoundIsEmpty?: boolean;
}

/** The explicit loading, error and empty states every Omen view shares (nothing made up in between). */
export function QueryView<T>({ state, what, isEmpty, empty, children, notFoundIsEmpty }: Props<T>) {
  if (state.status === 'loading') {
    return <LoadingPlaceholder text={`Loading ${what}…`} data-testid={testIds.query.loading} />;
  }
  if (
    notFoundIsEmpty &&
    state.status === 'error' &&
    state.error instanceof OmenApiError &&
    state.error.status === 404
  ) {
    return <div data-testid={testIds.query.empty}>{state.error.message}</div>;
  }
  if (state.status === 'error') {
    return (
      <Alert severity="error" title={`Cannot load ${what}`} data-testid={testIds.query.error}>
        {state.error.message}
      </Alert>
    );
  }
  if (isEmpty(state.data)) {
    return <div data-testid={testIds.query.empty}>{empty}</div>;
  }
  return <>{children(state.data)}</>;
}
