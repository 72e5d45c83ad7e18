import React from 'react';
import type { PanelProps } from '@grafana/data';
import { SignalsView } from '../../components/SignalsTable/SignalsView';

export interface SignalsOptions {}

/** A dashboard panel listing Omen's series and their state; a dashboard refresh (new time range) reloads it. */
export function SignalsPanel({ width, height, timeRange }: PanelProps<SignalsOptions>) {
  return (
    <div style={{ width, height, overflow: 'auto' }}>
      <SignalsView refreshKey={timeRange.to.valueOf()} />
    </div>
  );
}
