import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { SignalsView } from '../components/SignalsTable/SignalsView';

/** The app's landing page: what Omen watches and how each series is doing now. */
function Overview() {
  return (
    <PluginPage>
      <SignalsView />
    </PluginPage>
  );
}

export default Overview;
