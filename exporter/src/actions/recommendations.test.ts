import { Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { GroupedIncident } from '../models/incident/grouping.js';
import { ActionRecommendations } from './recommendations.js';

const member = (signal: string, service: string, severity: 'low' | 'high') => ({
  signal,
  service,
  anomalies: 1,
  firstAnomalyMs: 0,
  maxScore: 0.999,
  severity,
});

const incident = (members: GroupedIncident['members']): GroupedIncident => ({
  id: '1',
  openedAtMs: 0,
  lastAnomalyMs: 0,
  resolvedAtMs: null,
  members,
});

describe('ActionRecommendations', () => {
  it('publishes the ranked actions for each open incident’s symptom, and nothing once it resolves', async () => {
    const registry = new Registry();
    const gauge = new Gauge({
      name: 'omen_action_recommended',
      help: 'h',
      labelNames: ['action', 'signal', 'service'],
      registers: [registry],
    });
    const recommendations = new ActionRecommendations(
      [
        { id: 'ack', appliesTo: { signals: [], services: [] } },
        { id: 'restart_db', appliesTo: { signals: [], services: ['db'] } },
        { id: 'scale_web', appliesTo: { signals: [], services: ['web'] } },
      ],
      gauge,
    );
    const open = incident([member('latency', 'db', 'low'), member('error_ratio', 'api', 'high')]);
    recommendations.update(
      [open],
      [
        {
          symptom: { signal: 'error_ratio', service: 'api' },
          cause: { signal: 'latency', service: 'db' },
          score: 0.8,
        },
      ],
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'omen_action_recommended{action="restart_db",signal="error_ratio",service="api"} 0.9',
    );
    expect(text).toContain('omen_action_recommended{action="ack",signal="error_ratio",service="api"} 0.1');
    expect(text).not.toContain('scale_web');

    recommendations.update([], []);
    expect(await registry.metrics()).not.toContain('omen_action_recommended{');
  });
});
