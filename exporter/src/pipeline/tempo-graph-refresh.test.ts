import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { SelfMetrics } from '../exposition/self-metrics.js';
import { captureLogs } from '../log/capture.test-support.js';
import { startFakePrometheus, type Answer } from '../sources/prometheus/fake-prometheus.test-support.js';
import { ServiceGraph } from './service-graph.js';
import { tempoGraphScheduler, TEMPO_GRAPH } from './tempo-graph-refresh.js';

const T = 1_700_000_000_000;

let fake: Awaited<ReturnType<typeof startFakePrometheus>>;
afterEach(() => fake?.close());

const vector =
  (rows: [string, string, number][]): Answer =>
  (_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    const result = rows.map(([client, server, rate]) => ({
      metric: { client, server },
      value: [T / 1000, String(rate)],
    }));
    response.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  };

const down: Answer = (_, response) => {
  response.writeHead(503, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'restarting' }));
};

function config(url: string, tempoGraph: string) {
  return parseConfig(
    [
      `sources: [{ name: prom, type: prometheus, url: "${url}", retries: 0 }]`,
      'signals: [{ name: errors, type: promql, query: "sum by (service) (rate(errors_total[1m]))" }]',
      `rca: { graph: { checkout: [db] }, tempoGraph: ${tempoGraph} }`,
    ].join('\n'),
    'test.yaml',
  );
}

async function gauge(self: SelfMetrics, name: string, labels: string): Promise<number | undefined> {
  const line = (await self.registry.metrics()).split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('learning the call graph from Tempo’s service-graph metrics', () => {
  it('joins the learned edges to the configured ones, counts both, and keeps them when the server fails', async () => {
    fake = await startFakePrometheus(
      vector([
        ['user', 'frontend', 30],
        ['frontend', 'checkout-svc', 12],
        ['checkout-svc', 'db', 4],
        ['frontend', 'ads', 0.001],
      ]),
    );
    const omen = config(fake.url, '{ services: { checkout-svc: checkout }, minRate: 0.01 }');
    const graph = new ServiceGraph(omen.rca.graph);
    const self = new SelfMetrics({ processMetrics: false });
    const log = captureLogs('info');
    const scheduler = tempoGraphScheduler(omen, { graph, self, logger: log.logger });
    expect(scheduler).toBeDefined();
    await scheduler!.tick();

    expect(fake.requests[0]!.query).toBe(
      'sum by (client, server) (rate(traces_service_graph_request_total[10m]))',
    );
    expect(Object.fromEntries(graph.calls()!)).toEqual({ checkout: ['db'], frontend: ['checkout'] });
    expect(graph.path('frontend', 'db')).toEqual([
      { client: 'frontend', server: 'checkout', source: 'tempo' },
      { client: 'checkout', server: 'db', source: 'both' },
    ]);
    expect(await gauge(self, 'omen_rca_graph_edges', 'source="config"')).toBe(1);
    expect(await gauge(self, 'omen_rca_graph_edges', 'source="tempo"')).toBe(2);
    expect(await gauge(self, 'omen_model_run_success', `model="${TEMPO_GRAPH}"`)).toBe(1);

    fake.answerWith(down);
    await scheduler!.tick();
    await scheduler!.stop();
    expect(graph.edgeCounts()).toEqual({ config: 1, tempo: 2 });
    expect(await gauge(self, 'omen_model_run_success', `model="${TEMPO_GRAPH}"`)).toBe(0);
    expect(log.text()).toContain('cannot read the service graph; keeping the last learned edges');
  });

  it('has no timer without rca.tempoGraph or when it is disabled', () => {
    const self = new SelfMetrics({ processMetrics: false });
    const { logger } = captureLogs();
    const omen = config('http://127.0.0.1:1', '{ enabled: false }');
    expect(tempoGraphScheduler(omen, { graph: new ServiceGraph(), self, logger })).toBeUndefined();
    const none = { ...omen, rca: { ...omen.rca, tempoGraph: undefined } };
    expect(tempoGraphScheduler(none, { graph: new ServiceGraph(), self, logger })).toBeUndefined();
  });
});
