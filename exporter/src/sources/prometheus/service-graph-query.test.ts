import { afterEach, describe, expect, it } from 'vitest';
import { prometheusSourceSchema } from '../../config/prometheus-source-schema.js';
import { startFakePrometheus, type Answer } from './fake-prometheus.test-support.js';
import { QueryApiError } from './query-api.js';
import { createServiceGraphQuery } from './service-graph-query.js';

const never = new AbortController().signal;
const T = 1_700_000_000_000;

let fake: Awaited<ReturnType<typeof startFakePrometheus>>;
afterEach(() => fake?.close());

const json =
  (code: number, body: unknown): Answer =>
  (_, response) => {
    response.writeHead(code, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };

const vector = (rows: [Record<string, string>, string][]) =>
  json(200, {
    status: 'success',
    data: { resultType: 'vector', result: rows.map(([metric, v]) => ({ metric, value: [T / 1000, v] })) },
  });

function query(url: string, overrides: Record<string, unknown> = {}) {
  const source = prometheusSourceSchema.parse({ name: 'prom', type: 'prometheus', url, ...overrides });
  return createServiceGraphQuery(
    source,
    { metric: 'traces_service_graph_request_total', window: '10m' },
    { env: { PROM_TOKEN: 'secret' } },
  );
}

describe('reading Tempo’s service graph through a prometheus source’s query API', () => {
  it('sends one instant query with the source’s credentials and reads each pair’s rate', async () => {
    fake = await startFakePrometheus(
      vector([
        [{ client: 'frontend', server: 'checkout' }, '12.5'],
        [{ client: 'user', server: 'frontend' }, '40'],
        [{ client: 'checkout', server: 'db' }, 'NaN'],
        [{ client: 'checkout' }, '3'],
      ]),
    );
    const graph = query(`${fake.url}/prometheus`, { bearerTokenEnv: 'PROM_TOKEN' });
    const rows = await graph.read(T, never);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      path: '/prometheus/api/v1/query',
      query: 'sum by (client, server) (rate(traces_service_graph_request_total[10m]))',
      authorization: 'Bearer secret',
    });
    // Virtual nodes are the model's to drop; unusable values and unlabelled series are not rows.
    expect(rows).toEqual([
      { client: 'frontend', server: 'checkout', rate: 12.5 },
      { client: 'user', server: 'frontend', rate: 40 },
    ]);
  });

  it('turns a refused query or a failing server into a QueryApiError naming the server', async () => {
    fake = await startFakePrometheus(
      json(400, { status: 'error', errorType: 'bad_data', error: 'parse error' }),
    );
    const graph = query(fake.url);
    await expect(graph.read(T, never)).rejects.toThrow(QueryApiError);
    await expect(graph.read(T, never)).rejects.toThrow(
      /prometheus http:\/\/127\.0\.0\.1:\d+\/: query sum by .*: bad_data: parse error/,
    );
    fake.answerWith(json(503, { status: 'error', errorType: 'unavailable', error: 'starting' }));
    await expect(graph.read(T, never)).rejects.toMatchObject({ fault: 'server', retryable: true });
  });

  it('refuses an answer that is not a vector', async () => {
    fake = await startFakePrometheus(
      json(200, { status: 'success', data: { resultType: 'scalar', result: [T / 1000, '1'] } }),
    );
    await expect(query(fake.url).read(T, never)).rejects.toThrow(
      /has no result list|expected a matrix or vector/,
    );
  });
});
