import React from 'react';
import type { SignalsResponse } from '../../api/contract';
import { useOmenQuery } from '../../api/useOmenQuery';
import { QueryView } from '../QueryView/QueryView';
import { SignalsTable } from './SignalsTable';

const hasNoSeries = (data: SignalsResponse) => data.signals.every((signal) => signal.series.length === 0);

/** GET /api/v1/signals through the read route, shown as the signals table; reloads when `refreshKey` changes. */
export function SignalsView({ refreshKey }: { refreshKey?: unknown }) {
  const state = useOmenQuery<SignalsResponse>('api/v1/signals', refreshKey);
  return (
    <QueryView
      state={state}
      what="signals"
      isEmpty={hasNoSeries}
      empty="Omen has no series yet: its sources have not delivered a sample since it started."
    >
      {(data) => <SignalsTable signals={data.signals} />}
    </QueryView>
  );
}
