/**
 * Scored anomalies, as recorded and as paged back.
 */
import type { AnomalyKind } from '../../models/types.js';
import type { SeriesKey, Severity } from './samples.js';

export interface AnomalyRecord extends SeriesKey {
  timestampMs: number;
  score: number;
  severity: Severity;
  value: number;
  expected: number;
  lower: number;
  upper: number;
  model: string;
  kind: AnomalyKind | 'unknown';
  /** Which component drove the score, in words. */
  explanation: string;
}

export interface StoredAnomaly extends AnomalyRecord {
  id: string;
}

export interface AnomalyQuery {
  service?: string;
  signal?: string;
  fromMs?: number;
  toMs?: number;
  /** Only anomalies of this severity or worse. */
  minSeverity?: Severity;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface AnomalyPage {
  items: StoredAnomaly[];
  nextCursor: string | null;
}

export interface AnomalyStore {
  writeAnomalies(records: readonly AnomalyRecord[]): Promise<void>;
  queryAnomalies(query: AnomalyQuery): Promise<AnomalyPage>;
}
