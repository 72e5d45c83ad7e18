import { describe, expect, it } from 'vitest';
import { rankActions, type ActionScope } from './rank-actions.js';

const scope = (id: string, services: string[] = [], signals: string[] = []): ActionScope => ({
  id,
  appliesTo: { services, signals },
});

describe('rankActions', () => {
  const actions = [
    scope('ack'),
    scope('restart_db', ['db']),
    scope('restart_api', ['api']),
    scope('scale_cache', ['cache']),
    scope('page_latency', [], ['latency']),
  ];
  const series = [
    { signal: 'error_ratio', service: 'api' },
    { signal: 'latency', service: 'api' },
  ];

  it('puts actions on likely causes first, by their share, then the incident’s own series, then generic ones', () => {
    const causes = [
      { signal: 'latency', service: 'db', score: 0.7 },
      { signal: 'error_ratio', service: 'api', score: 0.3 },
    ];
    expect(rankActions(actions, series, causes)).toEqual([
      { action: 'page_latency', score: 0.85, reason: 'acts on the likely cause latency/db' },
      { action: 'restart_db', score: 0.85, reason: 'acts on the likely cause latency/db' },
      { action: 'restart_api', score: 0.65, reason: 'acts on the likely cause error_ratio/api' },
      { action: 'ack', score: 0.1, reason: 'applies to any target' },
    ]);
  });

  it('without an RCA, recommends what is scoped to the incident’s series, and never what misses it', () => {
    const ranked = rankActions(actions, series, []);
    expect(ranked.map((r) => [r.action, r.score])).toEqual([
      ['page_latency', 0.4],
      ['restart_api', 0.4],
      ['ack', 0.1],
    ]);
  });
});
