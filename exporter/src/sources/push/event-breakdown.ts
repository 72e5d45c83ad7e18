/**
 * The push source's error events by error type (or severity), read back from the store
 * for RCA's label contrast: the events keep the fields the error-rate series sums away.
 */
import type { PushSourceConfig } from '../../config/push-source-schema.js';
import type { ErrorEventStore, TimeRange } from '../../store/store.js';
import { valueCounts, type BreakdownReader } from '../breakdown.js';

export function createEventBreakdown(
  config: PushSourceConfig,
  store: Pick<ErrorEventStore, 'countErrorEventsBy'>,
): BreakdownReader {
  return {
    source: config.name,
    async read({ signal, service, incident, baseline }) {
      if (signal !== config.signal) return [];
      const count = async (field: 'type' | 'severity', range: TimeRange) =>
        new Map(
          (await store.countErrorEventsBy({ service, field, ...range })).map((row) => [row.value, row.count]),
        );
      return Promise.all(
        config.contrastBy.map(async (field) => ({
          label: field,
          values: valueCounts(await count(field, incident), await count(field, baseline)),
        })),
      );
    },
  };
}
