import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';

/**
 * What a test hands the page before it loads (page.addInitScript sets `window.omenHarness`):
 * the panel's options, and the series its dashboard query would return — values the test
 * read from the real exporter, never invented here.
 */
export interface HarnessInput {
  options?: Record<string, unknown>;
  query?: { labels: Record<string, string>; points: Array<[number, number]> };
}

declare global {
  interface Window {
    omenHarness?: HarnessInput;
  }
}

export function harnessInput(): HarnessInput {
  return window.omenHarness ?? {};
}

/** The query result as the data frame Prometheus' data source would give the panel. */
export function queryFrames(input: HarnessInput): DataFrame[] {
  if (!input.query) {
    return [];
  }
  const { labels, points } = input.query;
  return [
    toDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: points.map(([t]) => t) },
        { name: 'Value', type: FieldType.number, values: points.map(([, v]) => v), labels },
      ],
    }),
  ];
}
