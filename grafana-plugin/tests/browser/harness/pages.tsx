import React, { type ReactElement } from 'react';
import Actions from '../../../src/pages/Actions';
import Anomalies from '../../../src/pages/Anomalies';
import Forecasts from '../../../src/pages/Forecasts';
import Incidents from '../../../src/pages/Incidents';
import Models from '../../../src/pages/Models';
import Overview from '../../../src/pages/Overview';

/**
 * The app's pages by the name in `?page=`. Outside Grafana, @grafana/runtime's PluginPage
 * renders its children plainly, which is all a page test needs to see.
 */
export const HARNESS_PAGES: Record<string, () => ReactElement> = {
  overview: () => <Overview />,
  anomalies: () => <Anomalies />,
  forecasts: () => <Forecasts />,
  incidents: () => <Incidents />,
  actions: () => <Actions />,
  models: () => <Models />,
};
