import { describe, expect, it } from 'vitest';
import { signalSchema } from '../../config/schema.js';
import { signalQuery } from './promql.js';

const signal = (raw: Record<string, unknown>) => signalSchema.parse({ name: 's', ...raw });

describe('signalQuery', () => {
  it('writes a ratio as errors over all, 0 for error-free services, none without traffic', () => {
    const query = signalQuery(
      signal({
        type: 'ratio',
        numerator: 'http_requests_total{code=~"5.."}',
        denominator: 'http_requests_total',
      }),
      '1m',
    );
    expect(query).toBe(
      '(sum by (service) (rate(http_requests_total{code=~"5.."}[1m])) or 0 * sum by (service) (rate(http_requests_total[1m])))' +
        ' / (sum by (service) (rate(http_requests_total[1m])) > 0)',
    );
  });

  it('writes a rate summed by every `by` label', () => {
    expect(
      signalQuery(
        signal({ type: 'rate', selector: 'errors_total{kind!="4xx"}', by: ['cluster', 'app'] }),
        '5m',
      ),
    ).toBe('sum by (cluster, app) (rate(errors_total{kind!="4xx"}[5m]))');
  });

  it('writes a gauge with its aggregation and no rate', () => {
    expect(signalQuery(signal({ type: 'gauge', selector: 'queue_depth', aggregate: 'max' }), '1m')).toBe(
      'max by (service) (queue_depth)',
    );
  });

  it('writes a histogram quantile over the _bucket rates, keeping le', () => {
    expect(
      signalQuery(
        signal({
          type: 'histogram_quantile',
          selector: 'http_request_duration_seconds{route="/pay"}',
          quantile: 0.99,
        }),
        '2m',
      ),
    ).toBe(
      'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{route="/pay"}[2m])))',
    );
  });

  it('suffixes a regex metric name for the buckets', () => {
    expect(
      signalQuery(signal({ type: 'histogram_quantile', selector: '{__name__=~"a|b"}', quantile: 0.5 }), '1m'),
    ).toBe(
      'histogram_quantile(0.5, sum by (service, le) (rate({__name__=~"(?:a|b)_bucket",__name__=~".*_bucket"}[1m])))',
    );
  });

  it('passes a promql signal through as written', () => {
    const query = 'sum by (service) (rate(x[3m])) / 2';
    expect(signalQuery(signal({ type: 'promql', query }), '1m')).toBe(query);
  });

  it('escapes label values the way PromQL reads them', () => {
    expect(signalQuery(signal({ type: 'rate', selector: 'x{path="a\\"b\\\\c"}' }), '1m')).toBe(
      'sum by (service) (rate(x{path="a\\"b\\\\c"}[1m]))',
    );
  });
});
