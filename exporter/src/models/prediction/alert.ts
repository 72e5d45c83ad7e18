/**
 * The alert rules Omen ships (provisioning/prometheus/rules/omen-alerts.yml), as numbers the
 * backtest and `omen eval breach` replay; a test keeps them equal to the YAML.
 */

/** The breach probability at which `OmenBreachPredicted` fires (horizons past 15 minutes). */
export const BREACH_ALERT_AT = 0.8;

/** A predicted-breach rule: fire at `fireAt` held for `forMs`; once firing, stay while ≥ `holdAt`. */
export interface PredictedRule {
  name: 'OmenBreachImminent' | 'OmenBreachPredicted';
  fireAt: number;
  holdAt: number;
  forMs: number;
}

/** Horizons up to this are paged as imminent; longer ones open a ticket. */
export const IMMINENT_HORIZON_MS = 15 * 60_000;

export const PREDICTED_RULES: Record<PredictedRule['name'], PredictedRule> = {
  OmenBreachImminent: { name: 'OmenBreachImminent', fireAt: 0.9, holdAt: 0.7, forMs: 60_000 },
  OmenBreachPredicted: { name: 'OmenBreachPredicted', fireAt: BREACH_ALERT_AT, holdAt: 0.6, forMs: 300_000 },
};

/** The plain alert, `omen_signal_value > omen_threshold`. */
export const THRESHOLD_RULE = {
  name: 'OmenThresholdBreached',
  forMs: 60_000,
  keepFiringForMs: 120_000,
} as const;

/** Which of the two predicted rules a horizon's probability is alerted by. */
export function predictedRuleFor(horizonMs: number): PredictedRule {
  return horizonMs <= IMMINENT_HORIZON_MS
    ? PREDICTED_RULES.OmenBreachImminent
    : PREDICTED_RULES.OmenBreachPredicted;
}
