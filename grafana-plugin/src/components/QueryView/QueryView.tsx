import React, { type ReactNode } from 'react';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
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
}

/** The explicit loading, error and empty states every Omen view shares (nothing made up in between). */
export function QueryView<T>({ state, what, isEmpty, empty, children }: Props<T>) {
  if (state.status === 'loading') {
    return <LoadingPlaceholder text={`Loading ${what}…`} data-testid={testIds.query.loading} />;
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
