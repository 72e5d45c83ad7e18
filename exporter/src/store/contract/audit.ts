/**
 * The audit trail (DESIGN Decision 10) and operators' feedback on anomalies.
 */
import type { SeriesKey } from './samples.js';
import type { StoredAnomaly } from './anomalies.js';

/** One state-changing API call (DESIGN Decision 10): appended, never changed, never pruned. */
export interface AuditEntry {
  /** The Grafana user when the plugin's proxy names one, else which token. */
  actor: string;
  atMs: number;
  /** What was done, e.g. `anomaly.ack`, `action.execute`. */
  action: string;
  /** What it was done to, e.g. `anomaly:42`; null when nothing in particular. */
  target: string | null;
  parameters: Record<string, unknown>;
  /** How it ended, e.g. `success`, `refused`, `failure`. */
  result: string;
  durationMs: number;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface AuditStore {
  /** Returns the new row's id. */
  appendAudit(entry: AuditEntry): Promise<string>;
  /** Newest first, paginated like anomalies. */
  queryAudit(query: AuditQuery): Promise<{ items: StoredAuditEntry[]; nextCursor: string | null }>;
}

export type Verdict = 'true_positive' | 'false_positive';

export interface FeedbackRecord extends SeriesKey {
  anomalyId: string;
  model: string;
  verdict: Verdict;
  note: string;
  actor: string;
  atMs: number;
}

export interface AnomalyAck {
  anomalyId: string;
  actor: string;
  atMs: number;
}

export interface FeedbackStore {
  getAnomaly(id: string): Promise<StoredAnomaly | undefined>;
  /** The first acknowledgement of an anomaly stands; returns each one's (possibly earlier) ack. */
  acknowledgeAnomalies(ids: readonly string[], actor: string, atMs: number): Promise<AnomalyAck[]>;
  /** The acknowledgements of those of `ids` that have one. */
  readAcks(ids: readonly string[]): Promise<AnomalyAck[]>;
  writeFeedback(record: FeedbackRecord): Promise<void>;
  /** Feedback given at or after `fromMs`, oldest first. */
  readFeedbackSince(fromMs: number): Promise<FeedbackRecord[]>;
  /** Verdicts per model, over all feedback ever given. */
  countFeedbackByModel(): Promise<{ model: string; truePositives: number; falsePositives: number }[]>;
}
