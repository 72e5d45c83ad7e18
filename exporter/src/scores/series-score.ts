import type { ExpectedBand } from '../models/types.js';

/** Everything the snapshot publishes for one series after a cycle. */
export interface SeriesScore {
  signal: string;
  service: string;
  value: number;
  threshold: number | undefined;
  lastSampleMs: number;
  /** No sample for `staleAfter`: scores are withheld so Prometheus marks them stale. */
  stale: boolean;
  warming: boolean;
  anomaly:
    | {
        score: number;
        active: boolean;
        /** 0 none … 4 critical. */
        severity: number;
        expected: ExpectedBand;
      }
    | undefined;
}
