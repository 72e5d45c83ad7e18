/**
 * The breach probability at which Omen's predicted-breach alert fires for horizons past
 * 15 minutes (`OmenBreachPredicted` in provisioning/prometheus/rules/omen-alerts.yml;
 * a test keeps the two equal). `omen eval breach` counts recall and false alarms at it.
 */
export const BREACH_ALERT_AT = 0.8;
