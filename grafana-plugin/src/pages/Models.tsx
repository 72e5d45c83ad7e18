import React from 'react';
import { PluginPage } from '@grafana/runtime';
import type { ModelsResponse } from '../api/contract';
import { useOmenQuery } from '../api/useOmenQuery';
import { ModelsTable } from '../components/Models/ModelsTable';
import { QueryView } from '../components/QueryView/QueryView';

/** The model catalog: every trained forecaster instance, its backtest quality and drift. */
function Models() {
  const models = useOmenQuery<ModelsResponse>('api/v1/models?limit=1000');
  return (
    <PluginPage>
      <QueryView
        state={models}
        what="models"
        isEmpty={(data) => data.items.length === 0}
        empty="No model trained yet: series need forecast.minSteps steps of history first."
        notFoundIsEmpty
      >
        {(data) => <ModelsTable models={data.items} />}
      </QueryView>
    </PluginPage>
  );
}

export default Models;
