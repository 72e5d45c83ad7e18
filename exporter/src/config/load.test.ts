import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { loadConfigFile, parseConfig } from './load.js';
import { configReferenceMarkdown, configReferenceRows } from './reference.js';
import { extractBetweenMarkers, README_MARKERS } from './readme-block.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

function problemsOf(name: string): string[] {
  try {
    loadConfigFile(fixture(name));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`${name} loaded without error`);
}

// One fixture per validation rule, each with the exact message an operator reads.
const CASES: Record<string, string> = {
  'invalid-unknown-key.yaml':
    'line 1: scrape_interval: unknown key (check the spelling; see the configuration reference in README.md)',
  'invalid-unknown-nested-key.yaml':
    'line 2: pipeline.intervall: unknown key (check the spelling; see the configuration reference in README.md)',
  'invalid-duration.yaml': 'line 2: pipeline.interval: expected a duration such as 15s, 5m or 1h30m',
  'invalid-type.yaml': 'line 2: server.port: expected number, received string',
  'invalid-port-range.yaml': 'line 2: server.port: must be at most 65535',
  'invalid-missing-sources.yaml': 'line 1: sources: is required (expected array)',
  'invalid-empty-signals.yaml': 'line 5: signals: at least one signal is needed',
  'invalid-signal-type.yaml':
    'line 7: signals[0].type: expected one of "ratio", "rate", "gauge", "histogram_quantile", "promql"',
  'invalid-missing-denominator.yaml': 'line 6: signals[0].denominator: is required (expected string)',
  'invalid-quantile.yaml': 'line 9: signals[0].quantile: must be less than 1',
  'invalid-url.yaml': 'line 4: sources[0].url: Invalid URL',
  'invalid-duplicate-signal.yaml': 'signals: the name "error_ratio" is used twice',
  'invalid-unknown-source-ref.yaml': 'signals[0].sources: no source is named "prometheus"',
  'invalid-selector.yaml':
    'signals[0].numerator: invalid selector http_requests_total{code=~"5..}: unterminated string (at character 27)',
  'invalid-token-file.yaml': 'sources[0].bearerTokenFile: cannot read "/nonexistent/omen-token"',
  'invalid-severity-order.yaml': 'anomaly.severities: expected low ≤ medium ≤ high ≤ critical',
  'invalid-memory-limit.yaml': 'line 2: store.memoryLimit: expected a size such as 512MB',
  'invalid-duplicate-yaml-key.yaml': 'line 3: not valid YAML (Map keys must be unique)',
  'invalid-yaml-syntax.yaml':
    'line 2: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])',
  'invalid-duplicate-source.yaml': 'sources: the name "demo" is used twice',
  'invalid-contrast-by-service.yaml':
    'signals[0].contrastBy: "service" is one of the signal\'s `by` labels; contrast by labels within a service',
  'invalid-rate-window.yaml':
    'sources[0].rateWindow: must be longer than pipeline.interval (15s), or counters never get a rate',
  'invalid-source-type.yaml': 'line 3: sources[0].type: expected one of "scrape", "push", "prometheus"',
  'invalid-promql-without-prometheus.yaml':
    'signals[0]: a promql signal needs a prometheus source among its sources (has: demo)',
  'invalid-prometheus-auth.yaml': 'sources[0]: set only one of bearerTokenEnv, basicAuth',
  'invalid-prometheus-secret-file.yaml':
    'sources[0].basicAuth.passwordFile: cannot read "/nonexistent/omen-password"',
  'invalid-push-window.yaml': 'line 5: sources[0].window: expected a duration such as 15s, 5m or 1h30m',
  'invalid-push-twice.yaml':
    'sources[1]: only one push source may be configured (it serves POST /api/v1/ingest)',
  'invalid-push-signal-clash.yaml':
    'sources[0].signal: "error_ratio" is already a configured signal; name the error-rate signal differently',
  'invalid-auth-role.yaml': 'line 3: auth.tokens[0].role: expected one of viewer, operator, admin, ingest',
  'invalid-auth-token-both.yaml':
    'line 3: auth.tokens[0]: set exactly one of file or env (the token itself never goes in this file)',
  'invalid-auth-token-env.yaml':
    'auth.tokens[0].env: the environment variable OMEN_TEST_UNSET_VIEWER_TOKEN is not set or empty',
  'invalid-auth-token-file.yaml': 'auth.tokens[0].file: cannot read "/nonexistent/omen-ingest-token"',
  'invalid-retention-order.yaml':
    'store.rawRetention: must not exceed store.retention (7d); rollups are made from raw samples',
  'invalid-forecast-horizon.yaml': 'forecast.horizons[1]: must be at least forecast.step (5m)',
  'invalid-forecast-model.yaml':
    'line 2: forecast.model: expected one of median_combination, ets, theta, seasonal_naive',
  'invalid-action-url.yaml':
    'actions.catalog[0].url: "https://hooks.example.com.evil.example/x" starts with none of actions.allowedUrls',
  'invalid-action-placeholder.yaml': 'actions.catalog[0].body: unknown placeholder {{params.replicas}}',
  'invalid-action-secret-both.yaml':
    'line 8: actions.catalog[0].secret: set exactly one of file or env (the secret itself never goes in this file)',
  'invalid-action-duplicate.yaml': 'actions.catalog: the id "ack" is used twice',
  'invalid-timezone.yaml':
    'line 1: timezone: unknown time zone "Mars/Olympus_Mons" (expected an IANA name such as Europe/Paris or UTC)',
  'invalid-tempo-graph-source.yaml':
    'rca.tempoGraph.source: no prometheus source is named "demo" (prometheus sources: prom)',
  'invalid-tempo-graph-no-prometheus.yaml':
    'rca.tempoGraph: needs a prometheus source to query; set rca.tempoGraph.source (prometheus sources: none)',
  'invalid-action-auto-params.yaml':
    'actions.catalog[0].auto: an automatic action cannot have required params (reason)',
};

describe('config loading', () => {
  it('has a test case for every invalid fixture, and a fixture for every case', () => {
    const fixtures = readdirSync(new URL('./fixtures/', import.meta.url)).filter((name) =>
      name.startsWith('invalid-'),
    );
    expect(fixtures.sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s gives its exact message', (name, message) => {
    expect(problemsOf(name)).toEqual([message]);
  });

  it('prefixes every problem with the file name in the error text', () => {
    expect(() => loadConfigFile(fixture('invalid-duration.yaml'))).toThrow(
      `${fixture('invalid-duration.yaml')}: line 2: pipeline.interval:`,
    );
  });

  it('fills every default in a minimal config', () => {
    const config = loadConfigFile(fixture('valid-minimal.yaml'));
    expect(config.server).toEqual({ host: '127.0.0.1', port: 10420 });
    expect(config.pipeline).toEqual({ interval: '15s', staleAfter: '5m', evictAfter: '24h' });
    expect(config.anomaly.activeAt).toBe(0.995);
    expect(config.anomaly.severities).toEqual({ low: 0.99, medium: 0.995, high: 0.999, critical: 0.9999 });
    expect(config.signals[0]).toMatchObject({ by: ['service'], season: 'auto' });
    expect(config.sources[0]).toMatchObject({ timeout: '5s', rateWindow: '1m' });
  });

  it('looks auth token variables up in the injected environment, and fills push defaults', () => {
    const text = readFileSync(fixture('invalid-auth-token-env.yaml'), 'utf8').replace(
      'sources:\n',
      'sources:\n  - { name: app, type: push, signal: pushed_error_rate }\n',
    );
    const env = { OMEN_TEST_UNSET_VIEWER_TOKEN: 'set-for-this-test-only' };
    const config = parseConfig(text, 'x.yaml', { env });
    expect(config.auth.tokens).toEqual([{ role: 'viewer', env: 'OMEN_TEST_UNSET_VIEWER_TOKEN' }]);
    expect(config.sources[0]).toEqual({
      name: 'app',
      type: 'push',
      signal: 'pushed_error_rate',
      window: '1m',
      contrastBy: ['type'],
      forgetAfter: '24h',
      season: 'auto',
      maxBodyBytes: 1048576,
      rateLimit: { perSecond: 50, burst: 100 },
    });
  });

  it('lets OMEN_PORT override the port, and rejects a bad one', () => {
    const text = readFileSync(fixture('valid-minimal.yaml'), 'utf8');
    expect(parseConfig(text, 'x.yaml', { env: { OMEN_PORT: '12345' } }).server.port).toBe(12345);
    expect(() => parseConfig(text, 'x.yaml', { env: { OMEN_PORT: 'http' } })).toThrow(
      'x.yaml: OMEN_PORT: expected a port number 0-65535, got "http"',
    );
  });

  it('reports a missing file in one line', () => {
    expect(() => loadConfigFile('/nonexistent/omen.yaml')).toThrow(
      '/nonexistent/omen.yaml: cannot read the file (ENOENT)',
    );
  });

  it('loads the shipped demo config', () => {
    const config = loadConfigFile(new URL('../../../config/demo.yaml', import.meta.url).pathname);
    expect(config.signals.map((signal) => signal.name)).toEqual(['error_ratio', 'latency_p99']);
  });
});

describe('configuration reference', () => {
  it('documents every key', () => {
    const undocumented = configReferenceRows().filter((row) => row.description === '');
    expect(undocumented.map((row) => row.key)).toEqual([]);
  });

  it('is what README.md shows (run `npm run docs:config` after changing the schema)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(extractBetweenMarkers(readme, README_MARKERS)).toBe(configReferenceMarkdown());
  });
});
