/**
 * The overview's health score: 100 less a penalty for each thing an operator should look
 * at, each penalty a reason with a link to its evidence. Pure, so the weights are tested.
 * Penalties are capped per kind, so one storm of a single kind cannot hide the others.
 */
import type { Severity } from '../store/store.js';

export interface HealthInput {
  storeOpen: boolean;
  sources: { name: string; up: boolean }[];
  /** Open incidents: their severity and id. */
  incidents: { id: string; severity: Severity; symptom: string }[];
  /** Series anomalous now, by severity. */
  activeAnomalies: Record<Severity, number>;
  /** Highest breach probabilities (any horizon), by series. */
  breaches: { series: string; horizon: string; probability: number }[];
  models: { model: string; success: boolean }[];
}

export interface HealthReason {
  code:
    'store_closed' | 'source_down' | 'incident_open' | 'anomalies_active' | 'breach_likely' | 'model_failing';
  message: string;
  /** Points taken off the score. */
  penalty: number;
  link: string | null;
}

export interface Health {
  score: number;
  status: 'ok' | 'degraded' | 'critical';
  /** Largest penalty first. */
  reasons: HealthReason[];
}

const INCIDENT_PENALTY: Record<Severity, number> = { low: 5, medium: 10, high: 20, critical: 30 };
const ANOMALY_PENALTY: Record<Severity, number> = { low: 1, medium: 2, high: 4, critical: 6 };
/** A breach more likely than not is a warning; the alert rules say when it is an emergency. */
const BREACH_AT = 0.5;
const CAP = { source: 40, incidents: 60, anomalies: 20, breaches: 30, models: 20 };

function capped(reasons: HealthReason[], cap: number): HealthReason[] {
  let left = cap;
  return reasons.map((reason) => {
    const penalty = Math.min(reason.penalty, left);
    left -= penalty;
    return { ...reason, penalty };
  });
}

export function healthOf(input: HealthInput): Health {
  const reasons: HealthReason[] = [];
  if (!input.storeOpen)
    reasons.push({ code: 'store_closed', message: 'the store is closed', penalty: 100, link: '/readyz' });
  const down = input.sources.filter((s) => !s.up);
  reasons.push(
    ...capped(
      down.map((s) => ({
        code: 'source_down' as const,
        message: `source ${s.name} is down: its series get no new data`,
        penalty: 20,
        link: '/readyz',
      })),
      CAP.source,
    ),
  );
  reasons.push(
    ...capped(
      input.incidents.map((i) => ({
        code: 'incident_open' as const,
        message: `${i.severity} incident open on ${i.symptom}`,
        penalty: INCIDENT_PENALTY[i.severity],
        link: `/api/v1/incidents/${i.id}`,
      })),
      CAP.incidents,
    ),
  );
  const anomalies = (Object.entries(input.activeAnomalies) as [Severity, number][]).filter(([, n]) => n > 0);
  const anomalyPenalty = anomalies.reduce((sum, [severity, n]) => sum + n * ANOMALY_PENALTY[severity], 0);
  if (anomalyPenalty > 0) {
    const total = anomalies.reduce((sum, [, n]) => sum + n, 0);
    reasons.push({
      code: 'anomalies_active',
      message: `${total} series anomalous now`,
      penalty: Math.min(CAP.anomalies, anomalyPenalty),
      link: '/api/v1/signals',
    });
  }
  reasons.push(
    ...capped(
      input.breaches
        .filter((b) => b.probability >= BREACH_AT)
        .map((b) => ({
          code: 'breach_likely' as const,
          message: `${b.series} will likely breach its threshold within ${b.horizon} (p=${b.probability.toFixed(2)})`,
          penalty: Math.round(10 * b.probability),
          link: '/api/v1/signals',
        })),
      CAP.breaches,
    ),
  );
  reasons.push(
    ...capped(
      input.models
        .filter((m) => !m.success)
        .map((m) => ({
          code: 'model_failing' as const,
          message: `model ${m.model} failed in its last run`,
          penalty: 10,
          link: null,
        })),
      CAP.models,
    ),
  );
  const kept = reasons.filter((r) => r.penalty > 0).sort((a, b) => b.penalty - a.penalty);
  const score = Math.max(0, 100 - kept.reduce((sum, r) => sum + r.penalty, 0));
  return { score, status: score >= 90 ? 'ok' : score >= 60 ? 'degraded' : 'critical', reasons: kept };
}
