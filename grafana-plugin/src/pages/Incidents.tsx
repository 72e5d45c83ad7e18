import React, { useState } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Text } from '@grafana/ui';
import type { IncidentsResponse } from '../api/contract';
import { useOmenQuery } from '../api/useOmenQuery';
import { IncidentsTable } from '../components/Incidents/IncidentsTable';
import { RcaView } from '../components/Incidents/RcaView';
import { QueryView } from '../components/QueryView/QueryView';

/** Incidents (co-occurring anomalies grouped by the exporter) and, for the chosen one, its ranked causes. */
function Incidents() {
  const incidents = useOmenQuery<IncidentsResponse>('api/v1/incidents?limit=200');
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <PluginPage>
      <QueryView
        state={incidents}
        what="incidents"
        isEmpty={(data) => data.items.length === 0}
        empty="No incidents: no anomalies have occurred together."
      >
        {(data) => <IncidentsTable incidents={data.items} selected={selected} onSelect={setSelected} />}
      </QueryView>
      {selected && (
        <section>
          <Text variant="h3">Root cause of incident {selected}</Text>
          <RcaView incidentId={selected} />
        </section>
      )}
    </PluginPage>
  );
}

export default Incidents;
