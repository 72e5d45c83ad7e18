/** Shared by this folder's tests: the real app on port 0 over a real in-memory DuckDB store. */
import type { Server } from 'node:http';
import { parseConfig } from '../config/load.js';
import type { OmenConfig } from '../config/schema.js';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { createLogger } from '../log/logger.js';
import type { SourceHealth } from '../pipeline/collect.js';
import { ScoreSnapshot } from '../scores/snapshot.js';
import { createSources } from '../sources/registry.js';
import { PushSource } from '../sources/push/push-source.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Store } from '../store/store.js';
import { createApp, type AppDeps } from './app.js';
import type { ApiTokens } from './auth.js';
import type { JobsDeps } from './routes/jobs.js';
import type { ModelsDeps } from './routes/models.js';

export const PUSH_CONFIG = [
  'sources:',
  '  - { name: app, type: push, signal: pushed_error_rate, window: 1m, maxBodyBytes: 4096, rateLimit: { perSecond: 1, burst: 3 } }',
  'signals:',
  '  - { name: queue_depth, type: gauge, selector: queue_depth, sources: [app] }',
].join('\n');

export interface TestApp {
  base: string;
  store: Store;
  config: OmenConfig;
  snapshot: ScoreSnapshot;
  push: PushSource | undefined;
  close(): Promise<void>;
}

export async function startTestApp(options: {
  yaml?: string;
  tokens?: ApiTokens;
  clock?: () => number;
  store?: Store;
  jobs?: JobsDeps;
  actions?: AppDeps['actions'];
  models?: ModelsDeps;
  /** The pipeline's side, for the routes that read it (summary, insights). */
  latest?: AppDeps['latest'];
  self?: SelfMetrics;
  sourceHealth?: Map<string, SourceHealth>;
}): Promise<TestApp> {
  const config = parseConfig(options.yaml ?? PUSH_CONFIG, 'test.yaml');
  const store =
    options.store ?? (await openDuckDbStore({ path: ':memory:', memoryLimit: '256MB', threads: 1 }));
  const logger = createLogger({ level: 'error', format: 'json' });
  const sources = createSources(config.sources, config.signals, logger, store);
  const push = sources.find((source) => source instanceof PushSource);
  const snapshot = new ScoreSnapshot();
  const app = createApp({
    config,
    store,
    snapshot,
    self: options.self ?? new SelfMetrics({ processMetrics: false }),
    sourceHealth: options.sourceHealth ?? new Map<string, SourceHealth>(),
    latest: options.latest ?? { scores: [] },
    logger,
    version: '0.0.0-test',
    tokens: options.tokens,
    push,
    clock: options.clock,
    jobs: options.jobs,
    models: options.models,
    actions: options.actions,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base,
    store,
    config,
    snapshot,
    push,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

export async function call(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  // Tests read JSON responses loosely; their assertions check the shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // /metrics is text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Polls GET /api/v1/jobs/:id until the job has finished; returns it. */
export async function waitForJob(base: string, id: string, token: string) {
  for (;;) {
    const { body } = await call(base, `/api/v1/jobs/${id}`, { token });
    if (body.job.state !== 'running') return body.job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
