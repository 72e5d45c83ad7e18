import { errorMessage, proxyUrl } from './client';

describe('proxyUrl', () => {
  test('addresses the exporter path through the named route of plugin.json, under Grafana’s sub-path', () => {
    expect(proxyUrl('read', 'api/v1/signals', '')).toBe('/api/plugin-proxy/omen-predict-app/read/api/v1/signals');
    expect(proxyUrl('operate', '/api/v1/anomalies/a1/ack', '/grafana')).toBe(
      '/grafana/api/plugin-proxy/omen-predict-app/operate/api/v1/anomalies/a1/ack'
    );
  });
});

describe('errorMessage', () => {
  test('prefers the exporter’s own error message', () => {
    const body = { error: { code: 'unauthorized', message: 'the bearer token is not valid' } };
    expect(errorMessage(401, body)).toBe('Omen exporter: the bearer token is not valid (HTTP 401)');
  });

  test('passes on what Grafana’s proxy says, such as a refused role', () => {
    expect(errorMessage(403, { message: 'plugin proxy route access denied' })).toBe(
      'Grafana: plugin proxy route access denied (HTTP 403)'
    );
  });

  test('explains an unreachable exporter, and falls back to the status', () => {
    expect(errorMessage(502, undefined)).toMatch(/cannot reach the Omen exporter.*exporter URL/);
    expect(errorMessage(500, 'oops')).toBe('The Omen exporter request failed with HTTP 500.');
  });
});
