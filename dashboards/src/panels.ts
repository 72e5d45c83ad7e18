/**
 * The few panel shapes Omen's dashboards use, built with Grafana's foundation SDK so a
 * dashboard that does not match Grafana's schema fails to type-check instead of failing
 * in front of an operator. Every query reads the provisioned Prometheus by its uid.
 */
import {
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type DataSourceRef,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** The uid of provisioning/grafana/datasources/prometheus.yaml. */
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: 'omen-prometheus' };

export interface Query {
  expr: string;
  legend?: string;
}

export function target(query: Query, index: number, instant = false): DataqueryBuilder {
  const builder = new DataqueryBuilder()
    .expr(query.expr)
    .refId(String.fromCharCode(65 + index))
    .datasource(PROMETHEUS);
  if (query.legend) builder.legendFormat(query.legend);
  return instant ? builder.instant() : builder.range();
}

/** Green below `warn`, orange from it, red from `bad` (higher is worse, DESIGN Decision 6). */
function steps(warn: number, bad: number): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
    { value: null, color: 'green' },
    { value: warn, color: 'orange' },
    { value: bad, color: 'red' },
  ]);
}

export function stat(title: string, query: Query, options: { unit?: string; warn: number; bad: number }) {
  return new StatBuilder()
    .title(title)
    .datasource(PROMETHEUS)
    .withTarget(target(query, 0, true))
    .unit(options.unit ?? 'short')
    .thresholds(steps(options.warn, options.bad))
    .height(4)
    .span(6);
}

export function timeseries(
  title: string,
  queries: Query[],
  options: { unit?: string; description?: string; min?: number; max?: number } = {},
) {
  const builder = new TimeseriesBuilder()
    .title(title)
    .datasource(PROMETHEUS)
    .unit(options.unit ?? 'short')
    .height(8)
    .span(12);
  if (options.description) builder.description(options.description);
  if (options.min !== undefined) builder.min(options.min);
  if (options.max !== undefined) builder.max(options.max);
  queries.forEach((query, index) => builder.withTarget(target(query, index)));
  return builder;
}

export function table(title: string, query: Query, description: string) {
  return new TableBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .withTarget(target(query, 0, true).format(PromQueryFormat.Table))
    .height(8)
    .span(24);
}
