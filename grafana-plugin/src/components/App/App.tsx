import React from 'react';
import { Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../../constants';

const Overview = React.lazy(() => import('../../pages/Overview'));
const Anomalies = React.lazy(() => import('../../pages/Anomalies'));
const Forecasts = React.lazy(() => import('../../pages/Forecasts'));
const Incidents = React.lazy(() => import('../../pages/Incidents'));
const Actions = React.lazy(() => import('../../pages/Actions'));
const Models = React.lazy(() => import('../../pages/Models'));

function App(_props: AppRootProps) {
  return (
    <Routes>
      <Route path={ROUTES.Overview} element={<Overview />} />
      <Route path={ROUTES.Anomalies} element={<Anomalies />} />
      <Route path={ROUTES.Forecasts} element={<Forecasts />} />
      <Route path={ROUTES.Incidents} element={<Incidents />} />
      <Route path={ROUTES.Actions} element={<Actions />} />
      <Route path={ROUTES.Models} element={<Models />} />
      {/* Default page */}
      <Route path="*" element={<Overview />} />
    </Routes>
  );
}

export default App;
