import { afterEach, describe, expect, it } from 'vitest';
import { prometheusSourceSchema } from '../../config/prometheus-source-schema.js';
import { signalSchema } from '../../config/schema.js';
import { captureLogs } from '../../log/capture.test-support.js';
import type { Source } from '../source.js';
import { matrixAnswer, startFakePrometheus, type Answer } from './fake-prometheus.test-support.js';
import { createPrometheusSource } from './prometheus-source.js';

const T0 = 1_700_000_000_000;
const never = new AbortController().signal;
const at = (nowMs: number) => ({ nowMs, abort: never });
const signals = [signalSchema.parse({ name: 'err', type: 'promql', query: 'sum by (service) (errors)' })];

let fake: Awaited<ReturnType<typeof startFakePrometheus>>;
afterEach(() => fake?.close());

const capture = () => captureLogs();

function source(
  url: string,
  overrides: Record<string, unknown> = {},
  deps: Record<string, unknown> = {},
): Source {
  const config = prometheusSourceSchema.parse({
    name: 'prom',
    type: 'prometheus',
    url,
    step: '1s',
    lookback: '30s',
    retries: 0,
    ...overrides,
  });
  return createPrometheusSource(config, signals, { sleep: async () => {}, ...deps });
}

const status =
  (code: number, body: string): Answer =>
  (_, response) => {
    response.writeHead(code, { 'Content-Type': 'application/json' });
    response.end(body);
  };

describe('prometheus source against a fake query API', () => {
  it('backfills the lookback in chunks, reporting progress, then reads only new points', async () => {
    fake = await startFakePrometheus(matrixAnswer(['a', 'b']));
    const log = capture();
    const prom = source(`${fake.url}/prometheus/`, { maxPointsPerRequest: 10 }, { logger: log.logger });
    const first = await prom.collect(at(T0));
    expect(fake.requests.map((r) => r.path)).toEqual(Array(4).fill('/prometheus/api/v1/query_range'));
    expect(fake.requests.map((r) => (r.endMs - r.startMs) / 1000 + 1)).toEqual([10, 10, 10, 1]);
    expect(first.samples).toHaveLength(2 * 31);
    expect(first.samples[0]).toEqual({
      signal: 'err',
      service: 'a',
      timestampMs: T0 - 30_000,
      value: T0 / 1000 - 30,
    });
    expect(log.text()).toContain('backfill 1/4 chunks');
    expect(log.text()).toContain('backfill 4/4 chunks');

    const next = await prom.collect(at(T0 + 3_100));
    expect(next.samples.map((s) => s.timestampMs)).toEqual([1, 2, 3, 1, 2, 3].map((k) => T0 + k * 1000));
    const again = await prom.collect(at(T0 + 3_900)); // no new grid point: no request, no sample
    expect(again.samples).toEqual([]);
    expect(fake.requests).toHaveLength(5);
  });

  it('fills the gap of an outage once the server answers again, without repeating a sample', async () => {
    fake = await startFakePrometheus(matrixAnswer());
    const log = capture();
    const prom = source(fake.url, {}, { logger: log.logger });
    const before = await prom.collect(at(T0));
    fake.answerWith(status(503, '{"status":"error","errorType":"unavailable","error":"starting"}'));
    await expect(prom.collect(at(T0 + 1000))).rejects.toThrow('HTTP 503 (unavailable: starting)');
    await expect(prom.collect(at(T0 + 2000))).rejects.toThrow();
    fake.answerWith(matrixAnswer());
    const after = await prom.collect(at(T0 + 5000));
    expect(after.samples.map((s) => s.timestampMs - T0)).toEqual([1000, 2000, 3000, 4000, 5000]);
    const all = [...before.samples, ...after.samples].map((s) => s.timestampMs);
    expect(new Set(all).size).toBe(all.length);
    expect(log.text()).toMatch(
      /"from":"[^"]+:21.000Z","to":"[^"]+:25.000Z","samples":5,"msg":"caught up after failures"/,
    );
  });

  it('retries a 500 with backoff inside one collect, then names the server and the expression', async () => {
    fake = await startFakePrometheus(status(500, 'oops'));
    const slept: number[] = [];
    const prom = source(
      fake.url,
      { retries: 2, retryBackoff: '100ms' },
      { sleep: async (ms: number) => void slept.push(ms) },
    );
    await expect(prom.collect(at(T0))).rejects.toThrow(
      `prometheus ${fake.url}/: query sum by (service) (errors): HTTP 500`,
    );
    expect(fake.requests).toHaveLength(3);
    expect(slept).toEqual([100, 200]);
  });

  it('times out a server that hangs', async () => {
    fake = await startFakePrometheus(() => {}); // never answers
    const prom = source(fake.url, { queryTimeout: '200ms' });
    await expect(prom.collect(at(T0))).rejects.toThrow('no complete answer within 200 ms');
  });

  it('fails on an answer that is not JSON, without retrying it', async () => {
    fake = await startFakePrometheus(status(200, '<html>login</html>'));
    const prom = source(fake.url, { retries: 3 });
    await expect(prom.collect(at(T0))).rejects.toThrow(
      "body that is not JSON (is the URL the API's base URL?)",
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a refused query with the server’s words, and only that signal misses out', async () => {
    fake = await startFakePrometheus((request, response) => {
      if (request.query.includes('bad')) {
        return status(400, '{"status":"error","errorType":"bad_data","error":"parse error"}')(
          request,
          response,
        );
      }
      matrixAnswer()(request, response);
    });
    const config = prometheusSourceSchema.parse({
      name: 'p',
      type: 'prometheus',
      url: fake.url,
      step: '1s',
      lookback: '2s',
    });
    const two = [...signals, signalSchema.parse({ name: 'bad', type: 'promql', query: 'bad(' })];
    const log = capture();
    const prom = createPrometheusSource(config, two, { logger: log.logger });
    const result = await prom.collect(at(T0));
    expect(result.samples.map((s) => s.signal)).toEqual(['err', 'err', 'err']);
    expect(log.text()).toContain('query bad(: bad_data: parse error');

    const alone = createPrometheusSource(config, [two[1]!], {});
    await expect(alone.collect(at(T0))).rejects.toThrow('query bad(: bad_data: parse error');
  });

  it('counts NaN, Inf and series without the `by` label as parse errors', async () => {
    fake = await startFakePrometheus(
      status(
        200,
        JSON.stringify({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [
              {
                metric: { service: 'a' },
                values: [
                  [T0 / 1000, 'NaN'],
                  [T0 / 1000 + 1, '+Inf'],
                  [T0 / 1000 + 2, '1'],
                ],
              },
              { metric: { job: 'x' }, values: [[T0 / 1000, '1']] },
            ],
          },
        }),
      ),
    );
    const result = await source(fake.url).collect(at(T0));
    expect(result.samples).toHaveLength(1);
    expect(result.parseErrors).toBe(3);
  });

  it('sends the bearer token but never puts it in an error', async () => {
    fake = await startFakePrometheus(status(403, '{"status":"error","error":"token-xyz rejected"}'));
    const prom = source(fake.url, { bearerTokenEnv: 'PROM_TOKEN' }, { env: { PROM_TOKEN: 'never-log-me' } });
    const error = (await prom.collect(at(T0)).catch((e: unknown) => e)) as Error;
    expect(fake.requests[0]!.authorization).toBe('Bearer never-log-me');
    expect(error.message).toContain('HTTP 403: not authorised');
    expect(error.message).not.toContain('never-log-me');
  });

  it('opens the circuit after consecutive failures and stops sending requests until it is due', async () => {
    fake = await startFakePrometheus(status(502, 'bad gateway'));
    const log = capture();
    const prom = source(
      fake.url,
      { circuitBreaker: { failures: 2, openFor: '10s', maxOpenFor: '40s' } },
      { logger: log.logger },
    );
    await expect(prom.collect(at(T0))).rejects.toThrow('HTTP 502');
    await expect(prom.collect(at(T0 + 1000))).rejects.toThrow('HTTP 502');
    expect(log.text()).toContain('circuit open: 2 consecutive failures; no request for 10s');
    await expect(prom.collect(at(T0 + 2000))).rejects.toThrow(
      /^circuit open, next attempt in 9s \(last error: prometheus .*: HTTP 502/,
    );
    expect(fake.requests).toHaveLength(2);
    await expect(prom.collect(at(T0 + 11_000))).rejects.toThrow('HTTP 502'); // half-open attempt
    expect(fake.requests).toHaveLength(3);
    await expect(prom.collect(at(T0 + 30_000))).rejects.toThrow('next attempt in 1s'); // open 20s now
    fake.answerWith(matrixAnswer());
    const back = await prom.collect(at(T0 + 31_000));
    expect(back.samples.length).toBeGreaterThan(0);
    expect(log.text()).toContain('backfill done'); // the first read never succeeded before
  });

  it('resumes from the store’s newest sample instead of backfilling again', async () => {
    fake = await startFakePrometheus(matrixAnswer());
    const store = {
      listSeries: async () => [
        { signal: 'err', service: 'a', firstSampleMs: 0, lastSampleMs: T0 - 2000, samples: 9 },
      ],
    };
    const result = await source(fake.url, {}, { store }).collect(at(T0));
    expect(result.samples.map((s) => s.timestampMs - T0)).toEqual([-1000, 0]);
  });
});
