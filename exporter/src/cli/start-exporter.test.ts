import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { captureLogs } from '../log/capture.test-support.js';
import {
  matrixAnswer,
  startFakePrometheus,
  type Answer,
} from '../sources/prometheus/fake-prometheus.test-support.js';
import { startExporter, type ExporterHandle } from './start-exporter.js';

let fake: Awaited<ReturnType<typeof startFakePrometheus>> | undefined;
let exporter: ExporterHandle | undefined;
afterEach(async () => {
  await exporter?.stop();
  await fake?.close();
});

const quiet = captureLogs('error').logger;

/** Signals read their ranges; the service graph is the one instant query. */
const prometheus: Answer = (request, response) => {
  if (!request.path.endsWith('/api/v1/query'))
    return matrixAnswer(['frontend', 'checkout'])(request, response);
  const result = [
    { metric: { client: 'user', server: 'frontend' }, value: [1, '20'] },
    { metric: { client: 'frontend', server: 'checkout' }, value: [1, '8'] },
    { metric: { client: 'checkout', server: 'payments' }, value: [1, '3'] },
  ];
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
};

describe('the exporter with rca.tempoGraph', () => {
  it('learns the call graph from the prometheus source at start and counts its edges on /metrics', async () => {
    fake = await startFakePrometheus(prometheus);
    const config = parseConfig(
      [
        'server: { port: 0 }',
        'store: { path: ":memory:" }',
        `sources: [{ name: prom, type: prometheus, url: "${fake.url}", lookback: 1m }]`,
        'signals: [{ name: errors, type: promql, query: "sum by (service) (rate(errors_total[1m]))" }]',
        'rca: { graph: { checkout: [db] }, tempoGraph: { refresh: 1h } }',
      ].join('\n'),
      'test.yaml',
    );
    exporter = await startExporter(config, quiet, { processMetrics: false });
    const deadline = Date.now() + 10_000;
    let metrics = '';
    while (!metrics.includes('omen_rca_graph_edges{source="tempo"} 2') && Date.now() < deadline) {
      metrics = await (await fetch(`${exporter.url}/metrics`)).text();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(metrics).toContain('omen_rca_graph_edges{source="config"} 1');
    expect(metrics).toContain('omen_rca_graph_edges{source="tempo"} 2');
    expect(metrics).toContain('omen_model_run_success{model="rca_tempo_graph"} 1');
    expect(fake.requests.filter((r) => r.path === '/api/v1/query')).toHaveLength(1);
  });
});
