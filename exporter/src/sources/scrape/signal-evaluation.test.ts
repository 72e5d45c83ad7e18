import { describe, expect, it } from 'vitest';
import { signalSchema } from '../../config/schema.js';
import { CounterRates } from './counter-rates.js';
import { parseExposition } from './exposition-parser.js';
import { parseSelector } from './selector.js';
import { bucketSelector, compileSignal, evaluateSignals, serviceOf } from './signal-evaluation.js';

const T0 = 1_700_000_000_000;
const signal = (config: Record<string, unknown>) => compileSignal(signalSchema.parse(config));

/** Two scrapes 10 s apart, given as exposition text: the evaluation input of the second. */
function twoScrapes(first: string, second: string) {
  const rates = new CounterRates(60_000);
  rates.observe(parseExposition(first).samples, T0);
  const { samples } = parseExposition(second);
  rates.observe(samples, T0 + 10_000);
  return { nowMs: T0 + 10_000, samples, rates: rates.rates() };
}

const valuesOf = (samples: { signal: string; service: string; value: number }[]) =>
  Object.fromEntries(samples.map((sample) => [`${sample.signal}:${sample.service}`, sample.value]));

describe('serviceOf', () => {
  it('joins the by label values with /, and has no service when one is missing or empty', () => {
    expect(serviceOf({ service: 'api', region: 'eu' }, ['service', 'region'])).toBe('api/eu');
    expect(serviceOf({ service: 'api' }, ['service', 'region'])).toBeUndefined();
    expect(serviceOf({ service: '' }, ['service'])).toBeUndefined();
  });
});

describe('ratio signals', () => {
  const errorRatio = signal({
    name: 'error_ratio',
    type: 'ratio',
    numerator: 'http_requests_total{code=~"5.."}',
    denominator: 'http_requests_total',
  });

  it('divides the summed rates per service, leaving out series without the by label', () => {
    const first = [
      'http_requests_total{service="api",code="200"} 100',
      'http_requests_total{service="api",code="500"} 10',
      'http_requests_total{service="api",code="503"} 0',
      'http_requests_total{service="web",code="200"} 50',
      'http_requests_total{code="500"} 0',
    ].join('\n');
    const second = [
      'http_requests_total{service="api",code="200"} 180', // +80
      'http_requests_total{service="api",code="500"} 20', // +10
      'http_requests_total{service="api",code="503"} 10', // +10
      'http_requests_total{service="web",code="200"} 150', // +100, no error series at all
      'http_requests_total{code="500"} 1000', // no service: left out
    ].join('\n');
    const samples = evaluateSignals([errorRatio], twoScrapes(first, second));
    expect(samples).toEqual([
      { signal: 'error_ratio', service: 'api', timestampMs: T0 + 10_000, value: 20 / 100 },
      { signal: 'error_ratio', service: 'web', timestampMs: T0 + 10_000, value: 0 },
    ]);
  });

  it('has no sample where the denominator rate is 0 or the numerator has no rate yet', () => {
    const first =
      'http_requests_total{service="idle",code="200"} 5\nhttp_requests_total{service="new",code="200"} 5';
    const second = [
      'http_requests_total{service="idle",code="200"} 5',
      'http_requests_total{service="new",code="200"} 9',
      'http_requests_total{service="new",code="500"} 1',
    ].join('\n');
    expect(evaluateSignals([errorRatio], twoScrapes(first, second))).toEqual([]);
  });

  it('has no sample on the first scrape', () => {
    const rates = new CounterRates(60_000);
    const { samples } = parseExposition('http_requests_total{service="api",code="500"} 1');
    rates.observe(samples, T0);
    expect(evaluateSignals([errorRatio], { nowMs: T0, samples, rates: rates.rates() })).toEqual([]);
  });
});

describe('rate signals', () => {
  it('sums the rates of the selected series by several labels', () => {
    const errors = signal({
      name: 'errors',
      type: 'rate',
      selector: 'errors_total{kind!="timeout"}',
      by: ['service', 'region'],
    });
    const first = [
      'errors_total{service="api",region="eu",kind="db"} 0',
      'errors_total{service="api",region="eu",kind="auth"} 0',
      'errors_total{service="api",region="eu",kind="timeout"} 0',
      'errors_total{service="api",region="us",kind="db"} 100',
    ].join('\n');
    const second = [
      'errors_total{service="api",region="eu",kind="db"} 20',
      'errors_total{service="api",region="eu",kind="auth"} 10',
      'errors_total{service="api",region="eu",kind="timeout"} 500',
      'errors_total{service="api",region="us",kind="db"} 5', // reset: +5
    ].join('\n');
    expect(valuesOf(evaluateSignals([errors], twoScrapes(first, second)))).toEqual({
      'errors:api/eu': 3,
      'errors:api/us': 0.5,
    });
  });
});

describe('gauge signals', () => {
  const text = [
    'queue_depth{service="api",pod="a"} 4',
    'queue_depth{service="api",pod="b"} 10',
    'queue_depth{service="api",pod="c"} 1',
    'queue_depth{service="web",pod="a"} 7',
    'queue_depth{pod="orphan"} 1000',
    'other{service="api"} 99',
  ].join('\n');
  const { samples } = parseExposition(text);

  it.each([
    ['sum', { 'queue:api': 15, 'queue:web': 7 }],
    ['avg', { 'queue:api': 5, 'queue:web': 7 }],
    ['min', { 'queue:api': 1, 'queue:web': 7 }],
    ['max', { 'queue:api': 10, 'queue:web': 7 }],
  ])('aggregates with %s by service, ignoring series without the label', (aggregate, expected) => {
    const queue = signal({ name: 'queue', type: 'gauge', selector: 'queue_depth', aggregate });
    expect(valuesOf(evaluateSignals([queue], { nowMs: T0, samples, rates: [] }))).toEqual(expected);
  });

  it('reads the current scrape without waiting for a second one', () => {
    const queue = signal({ name: 'queue', type: 'gauge', selector: 'queue_depth{pod="a"}' });
    expect(evaluateSignals([queue], { nowMs: T0, samples, rates: [] })).toEqual([
      { signal: 'queue', service: 'api', timestampMs: T0, value: 4 },
      { signal: 'queue', service: 'web', timestampMs: T0, value: 7 },
    ]);
  });
});

describe('histogram_quantile signals', () => {
  const latencyConfig = {
    name: 'latency_p90',
    type: 'histogram_quantile',
    selector: 'rpc_seconds{method="get"}',
    quantile: 0.9,
  };
  const latency = signal(latencyConfig);
  const histogram = (service: string, method: string, counts: [string, number][]) =>
    counts.map(
      ([le, count]) => `rpc_seconds_bucket{service="${service}",method="${method}",le="${le}"} ${count}`,
    );

  it('sums bucket rates by service and le (across pods and le spellings) and interpolates', () => {
    const first = [
      ...histogram('api', 'get', [
        ['0.1', 0],
        ['0.5', 0],
        ['1', 0],
        ['+Inf', 0],
      ]),
      ...histogram('api', 'put', [
        ['0.1', 0],
        ['+Inf', 0],
      ]),
      'rpc_seconds_bucket{service="api",method="get",pod="2",le="0.1"} 0',
      'rpc_seconds_bucket{service="api",method="get",pod="2",le="1.0"} 0',
      'rpc_seconds_bucket{service="api",method="get",pod="2",le="+Inf"} 0',
    ];
    const second = [
      // pod 1: 30 ≤ 0.1, 60 ≤ 0.5, 80 ≤ 1, 100 in all
      ...histogram('api', 'get', [
        ['0.1', 30],
        ['0.5', 60],
        ['1', 80],
        ['+Inf', 100],
      ]),
      ...histogram('api', 'put', [
        ['0.1', 0],
        ['+Inf', 1000],
      ]),
      // pod 2 writes le="1.0" for the same bound: 10 ≤ 0.1, 100 ≤ 1, 100 in all
      'rpc_seconds_bucket{service="api",method="get",pod="2",le="0.1"} 10',
      'rpc_seconds_bucket{service="api",method="get",pod="2",le="1.0"} 100',
      'rpc_seconds_bucket{service="api",method="get",pod="2",le="+Inf"} 100',
    ];
    // Summed per 10 s: ≤0.1: 40, ≤0.5: 60 (pod 2 has no 0.5 bucket), ≤1: 180, +Inf: 200.
    // Median: rank 100 falls in (0.5, 1], 40 of its 120 → 0.5 + 0.5 × 40/120.
    // (Rates are per second; dividing every count by 10 leaves the quantile unchanged.)
    const median = signal({ ...latencyConfig, name: 'latency_p50', quantile: 0.5 });
    const samples = evaluateSignals([median], twoScrapes(first.join('\n'), second.join('\n')));
    expect(samples).toHaveLength(1);
    expect(samples[0]!.service).toBe('api');
    expect(samples[0]!.value).toBeCloseTo(0.5 + 0.5 * (40 / 120), 12);
  });

  it('matches the hand-computed quantile of a single histogram', () => {
    const zero = histogram('web', 'get', [
      ['0.25', 0],
      ['0.5', 0],
      ['+Inf', 0],
    ]);
    const later = histogram('web', 'get', [
      ['0.25', 50],
      ['0.5', 80],
      ['+Inf', 100],
    ]);
    // Rank 90 falls in +Inf → the highest finite bound, 0.5. For q=0.6: rank 60 in
    // (0.25, 0.5], 10 of its 30 → 0.25 + 0.25/3.
    const input = twoScrapes(zero.join('\n'), later.join('\n'));
    expect(valuesOf(evaluateSignals([latency], input))).toEqual({ 'latency_p90:web': 0.5 });
    const p60 = signal({ name: 'p60', type: 'histogram_quantile', selector: 'rpc_seconds', quantile: 0.6 });
    expect(valuesOf(evaluateSignals([p60], input))['p60:web']).toBeCloseTo(0.25 + 0.25 / 3, 12);
  });

  it('has no sample when nothing was observed in the window', () => {
    const still = histogram('web', 'get', [
      ['0.25', 5],
      ['+Inf', 5],
    ]).join('\n');
    expect(evaluateSignals([latency], twoScrapes(still, still))).toEqual([]);
  });
});

describe('bucketSelector', () => {
  it('adds _bucket to every form of metric-name matcher', () => {
    expect(bucketSelector(parseSelector('rpc_seconds{a="b"}')).matchers).toEqual([
      { label: '__name__', op: '=', value: 'rpc_seconds_bucket' },
      { label: 'a', op: '=', value: 'b' },
    ]);
    expect(bucketSelector(parseSelector('{__name__=~"(?i)rpc_.*"}')).matchers).toEqual([
      { label: '__name__', op: '=~', value: '(?i)(?:rpc_.*)_bucket' },
      { label: '__name__', op: '=~', value: '.*_bucket' },
    ]);
  });
});
