import React, { type ReactElement } from 'react';
import { SignalsPanel } from '../../../src/panels/signals/SignalsPanel';
import { panelProps } from './panel-props';

type Size = { width: number; height: number };

/** Every panel the harness can show, by the name in `?panel=`: one entry per nested panel of the app. */
export const HARNESS_PANELS: Record<string, (size: Size) => ReactElement> = {
  signals: (size) => <SignalsPanel {...panelProps({}, size)} />,
};
