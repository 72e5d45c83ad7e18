import {
  actionsPath,
  anomaliesPath,
  anomalyPath,
  auditPath,
  executePath,
  forecastPath,
  incidentPath,
  rcaPath,
  seriesValuesPath,
  seriesValuesSincePath,
} from './paths';

describe('forecastPath', () => {
  test('names the series in the query string, encoded', () => {
    expect(forecastPath('error_ratio', 'checkout')).toBe('api/v1/forecasts?signal=error_ratio&service=checkout');
    expect(forecastPath('latency p99', 'a&b')).toBe('api/v1/forecasts?signal=latency+p99&service=a%26b');
  });
});

describe('seriesValuesPath', () => {
  test('puts the signal in the path and the service, span and point budget in the query, encoded', () => {
    expect(seriesValuesPath('error_ratio', 'checkout', '1h')).toBe(
      'api/v1/signals/error_ratio/values?service=checkout&span=1h&maxPoints=500'
    );
    expect(seriesValuesPath('a/b c', 'x&y=z', '15m', 50)).toBe(
      'api/v1/signals/a%2Fb%20c/values?service=x%26y%3Dz&span=15m&maxPoints=50'
    );
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
    expect(auditPath('action.execute', 200, 'eddie')).toBe('api/v1/audit?action=action.execute&limit=200&actor=eddie');
    expect(anomalyPath('42', 'ack')).toBe('api/v1/anomalies/42/ack');
    expect(anomalyPath('a/b', 'feedback')).toBe('api/v1/anomalies/a%2Fb/feedback');
  });
});

describe('incident and action paths', () => {
  test('encode the incident and action ids the user or the API named', () => {
    expect(incidentPath('i-7')).toBe('api/v1/incidents/i-7');
    expect(rcaPath('i-7')).toBe('api/v1/incidents/i-7/rca');
    expect(rcaPath('a/b')).toBe('api/v1/incidents/a%2Fb/rca');
    expect(actionsPath()).toBe('api/v1/actions');
    expect(actionsPath('i 7')).toBe('api/v1/actions?incidentId=i+7');
    expect(executePath('page-oncall')).toBe('api/v1/actions/page-oncall/execute');
    expect(seriesValuesSincePath('error_ratio', 'a&b', 1_767_225_600_999, 60)).toBe(
      'api/v1/signals/error_ratio/values?service=a%26b&from=1767225600&maxPoints=60'
    );
  });
});
