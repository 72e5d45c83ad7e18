import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { SignalsView } from '../components/SignalsTable/SignalsView';
import { SummaryView } from '../components/Summary/SummaryView';

/** The app's landing page: Omen's summary, then every series it watches and how each is doing now. */
function Overview() {
  return (
    <PluginPage>
      <SummaryView />
      <SignalsView />
    </PluginPage>
  );
}

export default Overview;
