/** Shared by the feedback and action API tests: the real app with feedback and actions wired, over real DuckDB. */
import { setUpActions, type ActionsSetup } from '../actions/actions-setup.js';
import { loadActionSecrets } from '../actions/secrets.js';
import { parseConfig } from '../config/load.js';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { createLogger } from '../log/logger.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { AnomalyRecord } from '../store/store.js';
import { ApiTokens } from './auth.js';
import type { JobsDeps } from './routes/jobs.js';
import { startTestApp, type TestApp } from './test-app.js';

export const TOKENS = {
  viewer: 'viewer-token-0123456789',
  operator: 'operator-token-0123456789',
  admin: 'admin-token-0123456789',
};

const AUTH = {
  tokens: [
    { role: 'viewer' as const, env: 'V' },
    { role: 'operator' as const, env: 'O' },
    { role: 'admin' as const, env: 'A' },
  ],
};

export const BASE_YAML = [
  'sources:',
  '  - { name: app, type: push, signal: pushed_error_rate, window: 1m }',
  'signals:',
  '  - { name: error_ratio, type: gauge, selector: error_ratio, sources: [app] }',
].join('\n');

export const anomaly = (service: string, timestampMs: number, model = 'tail_ensemble'): AnomalyRecord => ({
  signal: 'error_ratio',
  service,
  timestampMs,
  score: 0.999,
  severity: 'high',
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model,
  kind: 'spike',
  explanation: 'spike',
});

export interface ActionsApp {
  app: TestApp;
  self: SelfMetrics;
  setup: ActionsSetup;
  /** Anomaly id by service, one anomaly each. */
  anomalyIds: Record<string, string>;
  metrics(): Promise<string>;
}

export async function startActionsApp(
  yaml: string,
  options: { services?: string[]; clock?: () => number; jobs?: JobsDeps } = {},
): Promise<ActionsApp> {
  const config = parseConfig(`${BASE_YAML}\n${yaml}`, 'test.yaml');
  const store = await openDuckDbStore({ path: ':memory:', memoryLimit: '256MB', threads: 1 });
  const services = options.services ?? ['payments', 'catalog'];
  await store.writeAnomalies(
    services.map((service, index) => anomaly(service, Date.UTC(2026, 0, 1, 0, index))),
  );
  const { items } = await store.queryAnomalies({ limit: 100 });
  const anomalyIds = Object.fromEntries(items.map((item) => [item.service, item.id]));
  const self = new SelfMetrics({ processMetrics: false });
  const logger = createLogger({ level: 'error', format: 'json' });
  const setup = setUpActions(config, {
    store,
    self,
    logger,
    secrets: loadActionSecrets(config.actions.catalog, {}),
    clock: options.clock,
  });
  await setup.feedback.start();
  const app = await startTestApp({
    yaml: `${BASE_YAML}\n${yaml}`,
    store,
    clock: options.clock,
    tokens: ApiTokens.load(AUTH, { V: TOKENS.viewer, O: TOKENS.operator, A: TOKENS.admin }),
    actions: setup.api,
    jobs: options.jobs,
  });
  return { app, self, setup, anomalyIds, metrics: () => self.registry.metrics() };
}
