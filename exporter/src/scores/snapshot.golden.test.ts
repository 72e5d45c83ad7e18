import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { gunzipText } from './gzip-members.js';
import { renderScores } from './snapshot.js';
import type { SeriesScore } from './series-score.js';

const GOLDEN = new URL('../../../test/golden/exposition.prom', import.meta.url).pathname;
const band = { point: 0.01, lower_80: 0.006, upper_80: 0.014, lower_95: 0.004, upper_95: 0.016 };

// One series in each state the exposition distinguishes.
const SCORES: SeriesScore[] = [
  {
    signal: 'error_ratio',
    service: 'payments',
    value: 0.25,
    threshold: 0.05,
    lastSampleMs: 1_700_000_000_000,
    stale: false,
    warming: false,
    anomaly: { score: 0.99995, active: true, severity: 4, expected: band },
    forecast: {
      model: 'median_combination',
      fromMs: 1_700_000_000_000,
      threshold: 0.05,
      thresholdLearned: false,
      expected: { ...band, point: 0.2 },
      horizons: [
        { horizon: '15m', band: { ...band, point: 0.04 }, warming: false, breachProbability: 0.93 },
        { horizon: '1h', band: { ...band, point: 0.06 }, warming: false, breachProbability: 0.97 },
      ],
      timeToBreachSeconds: 600,
      warming: false,
      expectedWarming: false,
    },
  },
  {
    signal: 'error_ratio',
    service: 'catalog',
    value: 0.011,
    threshold: 0.05,
    lastSampleMs: 1_700_000_000_000,
    stale: false,
    warming: false,
    anomaly: { score: 0.42, active: false, severity: 0, expected: band },
    // A forecast whose 1h horizon is still warming: its point only, no probability, no time to breach.
    forecast: {
      model: 'median_combination',
      fromMs: 1_700_000_000_000,
      threshold: 0.05,
      thresholdLearned: false,
      expected: band,
      horizons: [
        { horizon: '15m', band, warming: false, breachProbability: 0.01 },
        { horizon: '1h', band, warming: true, breachProbability: null },
      ],
      timeToBreachSeconds: null,
      warming: true,
      expectedWarming: false,
    },
  },
  {
    signal: 'latency_p99',
    service: 'frontend',
    value: 0.31,
    threshold: undefined,
    lastSampleMs: 1_700_000_000_000,
    stale: false,
    warming: true,
    anomaly: { score: 0, active: false, severity: 0, expected: { ...band, point: 0.3 } },
  },
  {
    signal: 'error_ratio',
    service: 'inventory',
    value: 0.5,
    threshold: 0.05,
    lastSampleMs: 1_699_999_000_000,
    stale: true,
    warming: false,
    anomaly: undefined,
  },
];

async function exposition(): Promise<string> {
  const self = new SelfMetrics({ processMetrics: false });
  self.registerSource('demo');
  self.registerSource('broken');
  self.sourceUp.set({ source: 'demo' }, 1);
  self.sourceDuration.set({ source: 'demo' }, 0.012);
  self.sourceDuration.set({ source: 'broken' }, 5);
  self.sourceParseErrors.inc({ source: 'demo' }, 3);
  self.cycleDuration.observe(0.04);
  self.registerModel('tail_ensemble');
  const services = [
    {
      service: 'payments',
      score: 0.996,
      members: ['error_ratio', 'latency_p99'],
      explanation: 'error_ratio …',
    },
    { service: 'frontend', score: null, members: ['error_ratio', 'latency_p99'], explanation: null },
  ];
  // payments' error ratio is the symptom of an open incident whose top cause is catalog.
  const incidents = {
    open: [{ signal: 'error_ratio', service: 'payments' }],
    causes: [
      {
        symptom: { signal: 'error_ratio', service: 'payments' },
        cause: { signal: 'error_ratio', service: 'catalog' },
        score: 0.7,
      },
    ],
  };
  return gunzipText(await renderScores(SCORES, services, incidents)) + (await self.registry.metrics());
}

describe('exposition golden file', () => {
  it('matches test/golden/exposition.prom (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const text = await exposition();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('withholds the scores of a stale series but keeps its last-sample time', async () => {
    const text = await exposition();
    expect(text).toContain(
      'omen_series_last_sample_timestamp_seconds{signal="error_ratio",service="inventory"} 1699999000',
    );
    expect(text).not.toMatch(/omen_(signal_value|anomaly_score)\{signal="error_ratio",service="inventory"\}/);
  });

  it('takes omen_expected from the forecaster once there is one, and withholds what still warms', async () => {
    const text = await exposition();
    expect(text).toContain('omen_expected{signal="error_ratio",service="payments",bound="point"} 0.2');
    expect(text).toContain(
      'omen_breach_probability{signal="error_ratio",service="payments",horizon="15m"} 0.93',
    );
    expect(text).toContain('omen_time_to_breach_seconds{signal="error_ratio",service="payments"} 600');
    const catalog = (metric: string, labels: string) =>
      `${metric}{signal="error_ratio",service="catalog"${labels}}`;
    expect(text).toContain(`${catalog('omen_forecast', ',horizon="15m",bound="upper_95"')} 0.016`);
    expect(text).toContain(`${catalog('omen_forecast', ',horizon="1h",bound="point"')} 0.01`);
    expect(text).not.toContain(catalog('omen_forecast', ',horizon="1h",bound="upper_95"'));
    expect(text).toContain(`${catalog('omen_breach_probability', ',horizon="15m"')} 0.01`);
    expect(text).not.toContain(catalog('omen_breach_probability', ',horizon="1h"'));
    expect(text).not.toContain(catalog('omen_time_to_breach_seconds', ''));
  });

  it('publishes service scores once the service has one', async () => {
    const text = await exposition();
    expect(text).toContain('omen_service_anomaly_score{service="payments"} 0.996');
    expect(text).not.toContain('omen_service_anomaly_score{service="frontend"}');
  });

  it('marks the series of open incidents and publishes their top causes', async () => {
    const text = await exposition();
    expect(text).toContain('omen_incident_open{signal="error_ratio",service="payments"} 1');
    expect(text).toContain('omen_incident_open{signal="error_ratio",service="catalog"} 0');
    expect(text).not.toMatch(/omen_incident_open\{signal="error_ratio",service="inventory"\}/);
    expect(text).toContain(
      'omen_rca_score{symptom_signal="error_ratio",symptom_service="payments",cause_signal="error_ratio",cause_service="catalog"} 0.7',
    );
  });

  it('passes promtool check metrics', async () => {
    const promtool = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((path) => existsSync(path));
    expect(promtool, 'promtool is missing: apt-get install prometheus (npm run test:all does)').toBeDefined();
    const out = execFileSync(promtool!, ['check', 'metrics'], {
      input: await exposition(),
      encoding: 'utf8',
    });
    expect(out).toBe('');
  });
});
