import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { mulberry32 } from '../random/mulberry32.js';
import { resolveForecastSettings, type ForecastSettings } from './forecast-settings.js';
import { fitSeries } from './series-forecast.js';

// One-minute steps, horizons of 10 and 30 steps, fitted on as few steps as allowed: the
// 30-step intervals have no out-of-sample errors yet.
const config = parseConfig(
  [
    'forecast: { step: 1m, horizons: [10m, 30m], history: 300, minSteps: 24 }',
    'sources: [{ name: app, type: push, signal: pushed_error_rate }]',
    'signals:',
    '  - { name: ratio, type: gauge, selector: x, sources: [app], season: none, threshold: 0.48 }',
  ].join('\n'),
  'test.yaml',
);
const settings = resolveForecastSettings(config) as ForecastSettings;
const T0 = Date.UTC(2026, 2, 1, 12);

function fitted(steps: number) {
  const random = mulberry32(3);
  const means = Array.from({ length: steps }, () => 0.1 + 0.004 * (random() - 0.5));
  const window = {
    signal: 'ratio',
    service: 'steady',
    stepMs: 60_000,
    startsMs: means.map((_, i) => T0 + i * 60_000),
    means,
    counts: means.map(() => 4),
    lastSampleMs: T0 + steps * 60_000,
  };
  const result = fitSeries(settings, window, { threshold: 0.48, period: null, nowMs: window.lastSampleMs });
  if (result.kind !== 'fitted') throw new Error('expected a fit');
  return result.forecast.view;
}

describe('forecast view', () => {
  it('gives no time to breach while the steps it would fall on are warming', () => {
    const young = fitted(26);
    expect(young.warming).toBe(true);
    // Far below its threshold: warming intervals must not turn "no errors yet" into a breach.
    expect(young.timeToBreachSeconds).toBeNull();
  });

  it('gives none either once warm, for a series far below its threshold', () => {
    const warm = fitted(250);
    expect(warm.warming).toBe(false);
    expect(warm.timeToBreachSeconds).toBeNull();
  });
});
