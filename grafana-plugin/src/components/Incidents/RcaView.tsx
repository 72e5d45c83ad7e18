import React from 'react';
import { Text } from '@grafana/ui';
import type { RcaResponse } from '../../api/contract';
import { rcaPath } from '../../api/paths';
import { useOmenQuery } from '../../api/useOmenQuery';
import { sparklineFrom } from '../Sparkline/sparkline';
import { formatTime } from '../formatTime';
import { QueryView } from '../QueryView/QueryView';
import { testIds } from '../testIds';
import { LabelContrastTable } from './LabelContrastTable';
import { RcaCausesTable } from './RcaCausesTable';

interface Props {
  incidentId: string;
  /** A panel's refresh reloads the analysis (RCA is redone while the incident is open). */
  refreshKey?: unknown;
}

/** GET /api/v1/incidents/:id/rca: the incident's likeliest causes, and similar past incidents. */
export function RcaView({ incidentId, refreshKey }: Props) {
  const state = useOmenQuery<RcaResponse>(rcaPath(incidentId), refreshKey);
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
          <Text color="secondary" data-testid={testIds.rca.heading}>
            Incident {rca.incidentId}: symptom {rca.symptom.signal} · {rca.symptom.service}; analysed{' '}
            {formatTime(rca.analysedAt)} by {rca.model ?? '–'}
          </Text>
          <RcaCausesTable causes={rca.causes} sparklineFrom={sparklineFrom(rca)} refreshKey={refreshKey} />
          {rca.labelContrast.length > 0 && (
            <>
              <Text color="secondary">Label values over-represented in the symptom’s events during the incident</Text>
              <LabelContrastTable contrast={rca.labelContrast} />
            </>
          )}
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
