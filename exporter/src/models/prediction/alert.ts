/**
 * The breach probability at which Omen's alert rule fires (`omen_breach_probability >= 0.5`):
 * a breach more likely than not. Calibration is what makes one cut-off right for every series.
 */
export const BREACH_ALERT_AT = 0.5;
