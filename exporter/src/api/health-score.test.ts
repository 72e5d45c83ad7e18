import { describe, expect, it } from 'vitest';
import { healthOf, type HealthInput } from './health-score.js';

const CALM: HealthInput = {
  storeOpen: true,
  sources: [{ name: 'demo', up: true }],
  incidents: [],
  activeAnomalies: { low: 0, medium: 0, high: 0, critical: 0 },
  breaches: [{ series: 'error_ratio of payments', horizon: '1h', probability: 0.1 }],
  models: [{ model: 'tail_ensemble', success: true }],
};

describe('the health score', () => {
  it('is 100 and ok with nothing to look at', () => {
    expect(healthOf(CALM)).toEqual({ score: 100, status: 'ok', reasons: [] });
  });

  it('takes a penalty per reason, largest first, each with a link to its evidence', () => {
    const health = healthOf({
      ...CALM,
      incidents: [{ id: '7', severity: 'high', symptom: 'error_ratio of payments' }],
      activeAnomalies: { low: 0, medium: 1, high: 1, critical: 0 },
      breaches: [{ series: 'error_ratio of payments', horizon: '15m', probability: 0.8 }],
    });
    expect(health.reasons.map((r) => [r.code, r.penalty, r.link])).toEqual([
      ['incident_open', 20, '/api/v1/incidents/7'],
      ['breach_likely', 8, '/api/v1/signals'],
      ['anomalies_active', 6, '/api/v1/signals'],
    ]);
    expect(health).toMatchObject({ score: 66, status: 'degraded' });
    expect(health.reasons[1]!.message).toBe(
      'error_ratio of payments will likely breach its threshold within 15m (p=0.80)',
    );
  });

  it('caps each kind, so a storm of one kind does not hide the others, and never goes below 0', () => {
    const storm = healthOf({
      ...CALM,
      incidents: Array.from({ length: 10 }, (_, i) => ({
        id: String(i),
        severity: 'critical' as const,
        symptom: 's',
      })),
      models: [{ model: 'ets', success: false }],
    });
    const incidents = storm.reasons.filter((r) => r.code === 'incident_open');
    expect(incidents.reduce((sum, r) => sum + r.penalty, 0)).toBe(60);
    expect(incidents).toHaveLength(2);
    expect(storm.reasons.some((r) => r.code === 'model_failing')).toBe(true);
    expect(storm).toMatchObject({ score: 30, status: 'critical' });
    const down = healthOf({ ...CALM, storeOpen: false, sources: [{ name: 'demo', up: false }] });
    expect(down.score).toBe(0);
    expect(down.reasons.map((r) => r.code)).toEqual(['store_closed', 'source_down']);
  });
});
