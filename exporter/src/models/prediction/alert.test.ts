import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDuration } from '../../config/duration.js';
import { BREACH_ALERT_AT, PREDICTED_RULES, predictedRuleFor, THRESHOLD_RULE } from './alert.js';

const RULES = new URL('../../../../provisioning/prometheus/rules/omen-alerts.yml', import.meta.url);

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
}

function rule(name: string): Rule {
  const doc = parse(readFileSync(RULES, 'utf8')) as { groups: { rules: Rule[] }[] };
  const found = doc.groups.flatMap((g) => g.rules).find((r) => r.alert === name);
  if (!found) throw new Error(`no rule ${name} in omen-alerts.yml`);
  return found;
}

describe('the alert rules as the backtest replays them', () => {
  it.each(Object.values(PREDICTED_RULES))('$name fires, holds and waits as the YAML says', (spec) => {
    const yaml = rule(spec.name);
    const cutoffs = [...yaml.expr.matchAll(/omen_breach_probability\{[^}]*\}\s*>=\s*([0-9.]+)/g)].map((m) =>
      Number(m[1]),
    );
    expect(cutoffs).toEqual([spec.fireAt, spec.holdAt]);
    expect(parseDuration(yaml.for ?? '0s')).toBe(spec.forMs);
  });

  it('OmenBreachPredicted fires at BREACH_ALERT_AT', () => {
    expect(PREDICTED_RULES.OmenBreachPredicted.fireAt).toBe(BREACH_ALERT_AT);
  });

  it('OmenThresholdBreached waits and keeps firing as the YAML says', () => {
    const yaml = rule(THRESHOLD_RULE.name);
    expect(yaml.expr).toBe('omen_signal_value > omen_threshold');
    expect(parseDuration(yaml.for ?? '0s')).toBe(THRESHOLD_RULE.forMs);
    expect(parseDuration(yaml.keep_firing_for ?? '0s')).toBe(THRESHOLD_RULE.keepFiringForMs);
  });

  it('pages horizons up to 15 minutes and tickets longer ones', () => {
    expect(predictedRuleFor(15 * 60_000).name).toBe('OmenBreachImminent');
    expect(predictedRuleFor(30_000).name).toBe('OmenBreachImminent');
    expect(predictedRuleFor(60 * 60_000).name).toBe('OmenBreachPredicted');
  });
});
