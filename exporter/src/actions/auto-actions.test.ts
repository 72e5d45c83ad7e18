import { Counter, Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { createLogger } from '../log/logger.js';
import { openMemoryStore } from '../store/duckdb/test-support.js';
import type { ActionExecution, Store } from '../store/store.js';
import { Auditor } from './audit.js';
import { AutoActions } from './auto-actions.js';
import { ActionCatalog } from './catalog.js';
import type { ExecuteRequest } from './runner.js';

const config = parseConfig(
  [
    'sources: [{ name: app, type: push, signal: pushed_error_rate }]',
    'signals: [{ name: error_ratio, type: gauge, selector: e, sources: [app] }]',
    'actions:',
    '  catalog:',
    '    - { id: restart_db, title: Restart db, kind: acknowledge, auto: true, appliesTo: { services: [db] } }',
    '    - { id: ack, title: Ack, kind: acknowledge }',
  ].join('\n'),
  'test.yaml',
);

describe('automatic actions', () => {
  let store: Store;
  let requests: ExecuteRequest[];
  let registry: Registry;
  let auto: AutoActions;
  beforeEach(async () => {
    store = await openMemoryStore();
    requests = [];
    registry = new Registry();
    const executions = new Counter({
      name: 'omen_action_executions_total',
      help: 'h',
      labelNames: ['action', 'result'],
      registers: [registry],
    });
    const logger = createLogger({ level: 'error', format: 'json' });
    auto = new AutoActions({
      catalog: new ActionCatalog(config.actions.catalog, config.actions.timeout),
      runner: {
        execute: (request) => {
          requests.push(request);
          return Promise.resolve({
            execution: { id: 'e', state: 'success' } as ActionExecution,
            replayed: false,
          });
        },
      },
      auditor: new Auditor(store, logger),
      executions,
      logger,
      minScore: 0.5,
      perHour: 1,
    });
  });
  afterEach(() => store.close());

  const ranked = [
    { action: 'restart_db', score: 0.9, reason: 'cause' },
    { action: 'ack', score: 0.1, reason: 'any' },
  ];

  it('runs an auto action recommended strongly enough, once per incident, as omen', () => {
    auto.consider('7', ranked);
    auto.consider('7', ranked);
    expect(requests).toEqual([
      {
        actionId: 'restart_db',
        target: { kind: 'incident', id: '7' },
        params: {},
        idempotencyKey: 'auto:7',
        caller: { name: 'omen', isAdmin: true },
      },
    ]);
    auto.consider('8', [{ action: 'restart_db', score: 0.4, reason: 'own series' }]);
    expect(requests).toHaveLength(1);
  });

  it('refuses runs past the hourly limit, counted and audited', async () => {
    auto.consider('7', ranked);
    auto.consider('8', ranked);
    expect(requests).toHaveLength(1);
    expect(await registry.metrics()).toContain(
      'omen_action_executions_total{action="restart_db",result="refused"} 1',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { items } = await store.queryAudit({ limit: 10 });
    expect(items).toMatchObject([{ actor: 'omen', target: 'incident:8', result: 'rate_limited' }]);
  });

  it('forgets incidents that closed', async () => {
    auto.consider('7', ranked);
    auto.retain(new Set(['9']));
    auto.consider('7', ranked);
    // Considered again, and refused by the hourly limit rather than skipped as already started.
    expect(requests).toHaveLength(1);
    expect(await registry.metrics()).toContain(
      'omen_action_executions_total{action="restart_db",result="refused"} 1',
    );
  });
});
