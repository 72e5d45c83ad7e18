import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { AnomaliesView } from '../components/Anomalies/AnomaliesView';

/** Every recent anomaly, worst first, with the same buttons as the dashboard panel. */
function Anomalies() {
  return (
    <PluginPage>
      <AnomaliesView filter={{ limit: 500 }} />
    </PluginPage>
  );
}

export default Anomalies;
