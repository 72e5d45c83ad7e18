import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusSourceSchema } from '../../config/prometheus-source-schema.js';
import { contrastLabels } from '../../models/rca/label-contrast.js';
import { errorRatioSignal } from '../contrast-signal.test-support.js';
import { startFakePrometheus, type Answer } from './fake-prometheus.test-support.js';
import { createPrometheusBreakdown, increaseBy } from './label-breakdown-query.js';

const MINUTE = 60_000;
const onsetMs = Date.UTC(2026, 0, 1, 12);
const request = {
  signal: 'error_ratio',
  service: 'api',
  incident: { fromMs: onsetMs, toMs: onsetMs + 10 * MINUTE },
  baseline: { fromMs: onsetMs - 65 * MINUTE, toMs: onsetMs - 5 * MINUTE },
  abort: new AbortController().signal,
};

const vector = (rows: [Record<string, string>, number][]) =>
  JSON.stringify({
    status: 'success',
    data: {
      resultType: 'vector',
      result: rows.map(([metric, value]) => ({ metric, value: [onsetMs / 1000, String(value)] })),
    },
  });

const pods = (counts: number[]): [Record<string, string>, number][] =>
  counts.map((count, i) => [{ service: 'api', pod: `pod-${'abc'[i]}` }, count]);

/** Errors move onto pod-a while the traffic stays even; another service answers too, as an unnarrowed query would. */
const answer: Answer = ({ query }, response) => {
  const errors = query.includes('code=~');
  const incident = query.includes('[600s]');
  const rows = errors
    ? pods(incident ? [90, 5, 5] : [10, 10, 10])
    : incident
      ? pods([200, 200, 200])
      : [...pods([1000, 1000, 1000]), [{ service: 'api' }, 1000] as [Record<string, string>, number]];
  rows.push([{ service: 'web', pod: 'pod-a' }, 999]);
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(vector(rows));
};

describe('label breakdowns from a Prometheus query API', () => {
  let fake: Awaited<ReturnType<typeof startFakePrometheus>>;
  beforeAll(async () => {
    fake = await startFakePrometheus(answer);
  });
  afterAll(() => fake.close());

  const source = () => prometheusSourceSchema.parse({ name: 'prom', type: 'prometheus', url: fake.url });
  const ratio = errorRatioSignal;

  it('asks for each window’s increase by label, narrowed to the service, and counts per value', async () => {
    fake.requests.length = 0;
    const reader = createPrometheusBreakdown(source(), [ratio(['pod'])]);
    const [pods] = await reader.read(request);
    expect(fake.requests.map((r) => r.query).sort()).toEqual([
      'sum by (service, pod) (increase(http_requests_total{code=~"5..",service="api"}[3600s]))',
      'sum by (service, pod) (increase(http_requests_total{code=~"5..",service="api"}[600s]))',
      'sum by (service, pod) (increase(http_requests_total{service="api"}[3600s]))',
      'sum by (service, pod) (increase(http_requests_total{service="api"}[600s]))',
    ]);
    expect(fake.requests.every((r) => r.path === '/api/v1/query')).toBe(true);
    // The other service's rows are left out; a row without the label counts as "".
    expect(pods).toEqual({
      label: 'pod',
      values: [
        { value: '', incident: 0, baseline: 0, prior: 1000, incidentTraffic: 0 },
        { value: 'pod-a', incident: 90, baseline: 10, prior: 1000, incidentTraffic: 200 },
        { value: 'pod-b', incident: 5, baseline: 10, prior: 1000, incidentTraffic: 200 },
        { value: 'pod-c', incident: 5, baseline: 10, prior: 1000, incidentTraffic: 200 },
      ],
    });
    expect(contrastLabels([pods!]).map((f) => f.value)).toEqual(['pod-a']);
  });

  it('leaves the traffic out for a label the errors are selected by (the status code)', async () => {
    fake.requests.length = 0;
    const [codes] = await createPrometheusBreakdown(source(), [ratio(['code'])]).read(request);
    expect(fake.requests.map((r) => r.query).every((q) => q.includes('code=~"5.."'))).toBe(true);
    expect(fake.requests).toHaveLength(2);
    expect(codes!.values.every((v) => v.prior === undefined && v.incidentTraffic === undefined)).toBe(true);
  });

  it('asks nothing for a signal without contrastBy, or one it does not serve', async () => {
    fake.requests.length = 0;
    const reader = createPrometheusBreakdown(source(), [ratio([])]);
    expect(await reader.read(request)).toEqual([]);
    expect(await reader.read({ ...request, signal: 'other' })).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('filters by service alone when the service name does not split into its labels', () => {
    const expr = increaseBy('x_total', { by: ['namespace', 'app'] }, 'pod', 'a/b/c', request.incident);
    expect(expr).toBe('sum by (namespace, app, pod) (increase(x_total[600s]))');
    expect(increaseBy('x_total', { by: ['namespace', 'app'] }, 'pod', 'ns/web', request.incident)).toBe(
      'sum by (namespace, app, pod) (increase(x_total{namespace="ns",app="web"}[600s]))',
    );
  });
});
