import React, { type ReactElement } from 'react';
import { ActionsPanel, type ActionsOptions } from '../../../src/panels/actions/ActionsPanel';
import { AnomaliesPanel, type AnomaliesOptions } from '../../../src/panels/anomalies/AnomaliesPanel';
import { ForecastPanel, type ForecastOptions } from '../../../src/panels/forecast/ForecastPanel';
import { RcaPanel, type RcaOptions } from '../../../src/panels/rca/RcaPanel';
import { SignalsPanel } from '../../../src/panels/signals/SignalsPanel';
import { harnessInput, queryFrames } from './harness-input';
import { panelProps } from './panel-props';

type Size = { width: number; height: number };

/** Every panel the harness can show, by the name in `?panel=`: one entry per nested panel of the app. */
export const HARNESS_PANELS: Record<string, (size: Size) => ReactElement> = {
  signals: (size) => <SignalsPanel {...panelProps({}, size)} />,
  anomalies: (size) => {
    const options: AnomaliesOptions = { severity: '', service: '', limit: 100, ...harnessInput().options };
    return <AnomaliesPanel {...panelProps(options, size)} />;
  },
  forecast: (size) => {
    const input = harnessInput();
    const options: ForecastOptions = { signal: '', service: '', ...input.options };
    return <ForecastPanel {...panelProps(options, size, queryFrames(input))} />;
  },
  rca: (size) => {
    const options: RcaOptions = { incident: 'latest', incidentId: '', ...harnessInput().options };
    return <RcaPanel {...panelProps(options, size)} />;
  },
  actions: (size) => {
    const options: ActionsOptions = { incident: 'latest', incidentId: '', ...harnessInput().options };
    return <ActionsPanel {...panelProps(options, size)} />;
  },
};
