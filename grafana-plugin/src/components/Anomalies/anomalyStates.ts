/**
 * What operators have done to each anomaly, read from the exporter's audit trail: the
 * anomaly list itself does not carry acknowledgements or verdicts (yet), while every ack and
 * feedback call is audited with its actor, time, parameters and result (DESIGN Decision 10).
 */
import type { Anomaly, AuditResponse } from '../../api/contract';

type AuditEntry = AuditResponse['items'][number];

export interface AnomalyState {
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  verdict?: 'true_positive' | 'false_positive';
  verdictBy?: string;
}

const SEVERITY_RANK: Record<Anomaly['severity'], number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Worst first, then newest first: the order an operator works through them. */
export function bySeverity(anomalies: Anomaly[]): Anomaly[] {
  return [...anomalies].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || Date.parse(b.time) - Date.parse(a.time)
  );
}

const anomalyId = (entry: AuditEntry) => entry.target?.match(/^anomaly:(.+)$/)?.[1];

/**
 * Audit rows are newest first. The first acknowledgement stands (the exporter keeps it), so
 * the oldest successful ack row wins; the newest successful verdict is the one in force.
 */
export function anomalyStates(acks: AuditEntry[], feedback: AuditEntry[]): Map<string, AnomalyState> {
  const states = new Map<string, AnomalyState>();
  const stateOf = (id: string) => states.get(id) ?? states.set(id, {}).get(id)!;
  for (const entry of acks) {
    const id = anomalyId(entry);
    if (id && entry.action === 'anomaly.ack' && entry.result === 'success') {
      Object.assign(stateOf(id), { acknowledgedBy: entry.actor, acknowledgedAt: entry.time });
    }
  }
  for (const entry of [...feedback].reverse()) {
    const id = anomalyId(entry);
    const verdict = entry.parameters.verdict;
    if (id && entry.action === 'anomaly.feedback' && entry.result === 'success') {
      if (verdict === 'true_positive' || verdict === 'false_positive') {
        Object.assign(stateOf(id), { verdict, verdictBy: entry.actor });
      }
    }
  }
  return states;
}
