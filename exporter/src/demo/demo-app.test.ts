import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './demo-app.js';
import type { describeDemo, IncidentView } from './demo-state.js';

type State = ReturnType<typeof describeDemo>;
interface ErrorBody {
  error: { code: string; message: string; details: { field?: string; valid?: string[] } };
}
const json = async <T>(response: Response) => (await response.json()) as T;

let demo: Awaited<ReturnType<typeof startDemo>>;

beforeAll(async () => {
  demo = await startDemo({ port: 0, schedule: 'off', tickMs: 20, seed: 3 });
});

afterAll(async () => {
  await Promise.all([demo.close(), demo.close()]);
});

const post = (path: string, body?: unknown, contentType = 'application/json') =>
  fetch(`${demo.url}${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': contentType }, body: JSON.stringify(body) }),
  });

describe('the demo over HTTP, on a free port', () => {
  it('serves Prometheus text with every service from the first scrape, and traffic after a few ticks', async () => {
    expect(demo.port).toBeGreaterThan(0);
    expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
    const response = await fetch(`${demo.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.005",service="payments"}');
    expect(text).toContain('http_requests_total{service="inventory",code="503"} 0');
    expect(text).toContain('demo_info{day_length="24m",schedule="off"} 1');
    expect(text).not.toContain('process_cpu'); // no default metrics
    // Night traffic is ~12 requests/s, so the ticks produce some within a few seconds.
    const served = async () => {
      const body = await (await fetch(`${demo.url}/metrics`)).text();
      return Number(/http_requests_total\{service="frontend",code="200"\} (\d+)/.exec(body)![1]);
    };
    const deadline = Date.now() + 5_000;
    while ((await served()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await served()).toBeGreaterThan(0);
  });

  it('explains itself at /', async () => {
    const text = await (await fetch(`${demo.url}/`)).text();
    expect(text).toContain('POST   /demo/incidents/:name');
    expect(text).toContain('error_spike');
    expect(text).toContain(`curl -X POST ${demo.url}/demo/incidents/error_spike`);
  });

  it('starts an incident with 202, shows it in /demo/state and as ground truth in /metrics', async () => {
    const response = await post('/demo/incidents/error_spike');
    expect(response.status).toBe(202);
    const started = await json<IncidentView>(response);
    expect(started).toMatchObject({ name: 'error_spike', service: 'payments', origin: 'api' });
    expect(started.end).not.toBe(started.start);
    const state = await json<State>(await fetch(`${demo.url}/demo/state`));
    expect(state.incidents.active).toEqual([
      expect.objectContaining({ name: 'error_spike', service: 'payments' }),
    ]);
    expect(state.dayLength).toBe('24m');
    expect(state.services.find((s) => s.name === 'checkout')!.dependencies).toEqual([
      { service: 'payments', probability: 1 },
      { service: 'inventory', probability: 1 },
    ]);
    expect(state.services.find((s) => s.name === 'inventory')!.callers).toEqual([
      'frontend',
      'catalog',
      'checkout',
    ]);
    expect(state.schedule).toMatchObject({ enabled: false, daily: expect.any(Array) });
    expect(state.schedule.daily).toHaveLength(4);
    const metrics = await (await fetch(`${demo.url}/metrics`)).text();
    expect(metrics).toContain('demo_incident_active{incident="error_spike",service="payments"} 1');
  });

  it('answers a repeated start with the running incident, unchanged', async () => {
    const body = { service: 'inventory', duration: '90m' };
    const first = await post('/demo/incidents/latency_shift', body);
    const second = await post('/demo/incidents/latency_shift', { ...body, duration: '5h' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const [a, b] = [await json<IncidentView>(first), await json<IncidentView>(second)];
    expect(b.start).toBe(a.start);
    expect(b.end).toBe(a.end);
    expect(b.service).toBe('inventory');
    const state = await json<State>(await fetch(`${demo.url}/demo/state`));
    const shifts = state.incidents.active.filter((i) => i.name === 'latency_shift');
    expect(shifts).toHaveLength(1);
  });

  it('stops an incident early with DELETE, then says it is not running', async () => {
    await post('/demo/incidents/dependency_failure');
    const stopped = await fetch(`${demo.url}/demo/incidents/dependency_failure`, { method: 'DELETE' });
    expect(stopped.status).toBe(200);
    expect((await json<{ stopped: IncidentView[] }>(stopped)).stopped).toEqual([
      expect.objectContaining({ service: 'inventory' }),
    ]);
    const again = await fetch(`${demo.url}/demo/incidents/dependency_failure`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await json<ErrorBody>(again)).error.code).toBe('not_active');
  });

  it('rejects an unknown incident with 404 listing the valid names', async () => {
    const response = await post('/demo/incidents/meteor_strike');
    expect(response.status).toBe(404);
    const { error } = await json<ErrorBody>(response);
    expect(error.code).toBe('unknown_incident');
    expect(error.details.valid).toEqual(['error_spike', 'slow_burn', 'latency_shift', 'dependency_failure']);
    expect(error.message).toContain('dependency_failure');
  });

  it.each([
    [{ service: 'database' }, 'service'],
    [{ service: 7 }, 'service'],
    [{ duration: 'soon' }, 'duration'],
    [{ duration: '0h' }, 'duration'],
    [{ duration: 3 }, 'duration'],
    [{ duration: '30d' }, 'duration'],
    [{ sevice: 'payments' }, 'sevice'],
    [[1, 2], 'body'],
  ])('rejects body %j with 400 naming %s', async (body, field) => {
    const response = await post('/demo/incidents/slow_burn', body);
    expect(response.status).toBe(400);
    const { error } = await json<ErrorBody>(response);
    expect(error.details.field).toBe(field);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('answers malformed JSON, wrong media types and unknown routes without a stack trace', async () => {
    const malformed = await fetch(`${demo.url}/demo/incidents/slow_burn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"service":',
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect((JSON.parse(text) as ErrorBody).error.code).toBe('bad_request');
    expect(text).not.toMatch(/at .*\.js|node_modules/);
    const form = await post('/demo/incidents/slow_burn', { service: 'payments' }, 'text/plain');
    expect(form.status).toBe(415);
    const missing = await fetch(`${demo.url}/nope`);
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).error.code).toBe('not_found');
  });
});

describe('startDemo options', () => {
  it('rejects a bad day length and a port in use', async () => {
    await expect(startDemo({ port: 0, dayLength: 'a day' })).rejects.toThrow(/not a duration/);
    await expect(startDemo({ port: demo.port })).rejects.toThrow(/cannot listen/);
  });
});
