import { anomaliesPath, anomalyPath, auditPath, forecastPath } from './paths';

describe('forecastPath', () => {
  test('names the series in the query string, encoded', () => {
    expect(forecastPath('error_ratio', 'checkout')).toBe('api/v1/forecasts?signal=error_ratio&service=checkout');
    expect(forecastPath('latency p99', 'a&b')).toBe('api/v1/forecasts?signal=latency+p99&service=a%26b');
  });
});

describe('anomaliesPath', () => {
  test('sends only the filters that are set', () => {
    expect(anomaliesPath()).toBe('api/v1/anomalies');
    expect(anomaliesPath({ service: '', signal: undefined, limit: 50 })).toBe('api/v1/anomalies?limit=50');
    expect(anomaliesPath({ severity: 'high', service: 'checkout' })).toBe(
      'api/v1/anomalies?severity=high&service=checkout'
    );
  });
});

describe('auditPath and anomalyPath', () => {
  test('ask for one kind of audited call, and address one anomaly', () => {
    expect(auditPath('anomaly.ack')).toBe('api/v1/audit?action=anomaly.ack&limit=1000');
    expect(anomalyPath('42', 'ack')).toBe('api/v1/anomalies/42/ack');
    expect(anomalyPath('a/b', 'feedback')).toBe('api/v1/anomalies/a%2Fb/feedback');
  });
});
