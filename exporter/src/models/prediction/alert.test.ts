import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BREACH_ALERT_AT } from './alert.js';

const RULES = new URL('../../../../provisioning/prometheus/rules/omen-alerts.yml', import.meta.url);

describe('BREACH_ALERT_AT', () => {
  it('is the cut-off the OmenBreachPredicted rule fires at', () => {
    const doc = parse(readFileSync(RULES, 'utf8')) as {
      groups: { rules: { alert?: string; expr: string }[] }[];
    };
    const rule = doc.groups.flatMap((g) => g.rules).find((r) => r.alert === 'OmenBreachPredicted');
    const firing = /omen_breach_probability\{[^}]*\}\s*>=\s*([0-9.]+)/.exec(rule?.expr ?? '');
    expect(Number(firing?.[1])).toBe(BREACH_ALERT_AT);
  });
});
