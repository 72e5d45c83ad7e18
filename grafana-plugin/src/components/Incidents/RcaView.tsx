import React from 'react';
import { Text } from '@grafana/ui';
import type { RcaResponse } from '../../api/contract';
import { useOmenQuery } from '../../api/useOmenQuery';
import { formatTime } from '../formatTime';
import { QueryView } from '../QueryView/QueryView';
import { RcaCausesTable } from './RcaCausesTable';

/** GET /api/v1/incidents/:id/rca: the incident's likeliest causes, and similar past incidents. */
export function RcaView({ incidentId }: { incidentId: string }) {
  const state = useOmenQuery<RcaResponse>(`api/v1/incidents/${encodeURIComponent(incidentId)}/rca`);
  return (
    <QueryView
      state={state}
      what={`the root-cause analysis of incident ${incidentId}`}
      isEmpty={(rca) => rca.causes.length === 0}
      empty="Not analysed yet, or no series moved enough to be ranked as a cause."
      notFoundIsEmpty
    >
      {(rca) => (
        <>
          <Text color="secondary">
            Symptom {rca.symptom.signal} · {rca.symptom.service}; analysed {formatTime(rca.analysedAt)} by{' '}
            {rca.model ?? '–'}
          </Text>
          <RcaCausesTable causes={rca.causes} />
          {rca.similar.length > 0 && (
            <Text color="secondary">
              Similar past incidents:{' '}
              {rca.similar
                .map((s) => `${s.id} (${Math.round(s.similarity * 100)}%${s.sameCause ? ', same cause' : ''})`)
                .join(', ')}
            </Text>
          )}
        </>
      )}
    </QueryView>
  );
}
