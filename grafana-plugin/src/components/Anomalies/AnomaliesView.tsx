import React, { useState } from 'react';
import { config } from '@grafana/runtime';
import { Alert } from '@grafana/ui';
import type { AnomaliesResponse, AuditResponse } from '../../api/contract';
import { anomaliesPath, auditPath, type AnomaliesFilter } from '../../api/paths';
import { deniedReason } from '../../api/roles';
import { allDone, useOmenQuery } from '../../api/useOmenQuery';
import { QueryView } from '../QueryView/QueryView';
import { testIds } from '../testIds';
import { AnomaliesTable } from './AnomaliesTable';
import { anomalyStates } from './anomalyStates';

interface Props {
  filter?: AnomaliesFilter;
  refreshKey?: unknown;
  timeZone?: string;
}

/**
 * GET /api/v1/anomalies and the audit rows of acknowledgements and verdicts, through the read
 * route; after a button's call succeeds, all three are read again so the state shown is the
 * exporter's, not a guess.
 */
export function AnomaliesView({ filter, refreshKey, timeZone }: Props) {
  const [changes, setChanges] = useState(0);
  const key = `${String(refreshKey)}/${changes}`;
  const anomalies = useOmenQuery<AnomaliesResponse>(anomaliesPath(filter), key);
  const acks = useOmenQuery<AuditResponse>(auditPath('anomaly.ack'), key);
  const verdicts = useOmenQuery<AuditResponse>(auditPath('anomaly.feedback'), key);
  // The user's RBAC permissions where Grafana sends them, else their org role (api/roles.ts).
  const readOnlyReason = deniedReason('acknowledge', config.bootData?.user);
  return (
    <>
      {readOnlyReason !== null && (
        <Alert severity="info" title="Read only" data-testid={testIds.anomalies.readOnly}>
          {readOnlyReason}
        </Alert>
      )}
      <QueryView
        state={allDone(anomalies, acks, verdicts)}
        what="anomalies"
        isEmpty={([data]) => data.items.length === 0}
        empty="No anomalies recorded for this filter: nothing has scored above the activation bar."
      >
        {([data, ackAudit, verdictAudit]) => (
          <AnomaliesTable
            anomalies={data.items}
            states={anomalyStates(ackAudit.items, verdictAudit.items)}
            canOperate={readOnlyReason === null}
            readOnlyReason={readOnlyReason ?? undefined}
            onChanged={() => setChanges((n) => n + 1)}
            timeZone={timeZone}
          />
        )}
      </QueryView>
    </>
  );
}
