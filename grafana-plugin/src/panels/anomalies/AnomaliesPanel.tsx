import React from 'react';
import type { PanelProps } from '@grafana/data';
import type { AnomaliesFilter } from '../../api/paths';
import { AnomaliesView } from '../../components/Anomalies/AnomaliesView';

export interface AnomaliesOptions {
  /** This severity or worse; empty: all. */
  severity: AnomaliesFilter['severity'] | '';
  /** Dashboard variables allowed (`$service`); empty: every service. */
  service: string;
  limit: number;
}

/** Recent anomalies on a dashboard, worst first, with Acknowledge and False positive; a refresh reloads them. */
export function AnomaliesPanel({
  width,
  height,
  options,
  replaceVariables,
  timeRange,
  timeZone,
}: PanelProps<AnomaliesOptions>) {
  const filter: AnomaliesFilter = {
    severity: options.severity || undefined,
    service: replaceVariables(options.service ?? '').trim() || undefined,
    limit: options.limit,
  };
  return (
    <div style={{ width, height, overflow: 'auto' }}>
      <AnomaliesView filter={filter} refreshKey={timeRange.to.valueOf()} timeZone={timeZone} />
    </div>
  );
}
