import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookActionConfig } from '../config/actions-schema.js';
import { ExecutionFailed, type ExecutionContext } from './executor.js';
import { webhookExecutor } from './webhook.js';

let server: Server;
let base: string;
let calls = 0;
beforeAll(async () => {
  server = createServer((_request, response) => {
    calls += 1;
    response.writeHead(422).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const action = (url: string): WebhookActionConfig => ({
  id: 'hook',
  title: 'Hook',
  kind: 'webhook',
  url,
  role: 'operator',
  auto: false,
  approval: false,
  appliesTo: { signals: [], services: [] },
  params: {},
  body: {},
  secret: { env: 'X' },
  retries: 2,
  backoff: '1ms',
});

const context = (): ExecutionContext => ({
  executionId: 'e1',
  target: { kind: 'anomaly', id: '1', series: [{ signal: 's', service: 'api' }], anomalyIds: ['1'] },
  params: {},
  actor: 'alice',
  signal: new AbortController().signal,
  nowMs: 0,
});

const run = (url: string, allowedUrls = [`${base}/`]) =>
  webhookExecutor({ secrets: new Map([['hook', 'k']]), allowedUrls })
    .execute(action(url), context())
    .then(
      () => undefined,
      (error: unknown) => error,
    );

describe('webhook executor', () => {
  it('refuses a URL outside the allow-list without calling it', async () => {
    const error = await run(`${base}/x`, ['https://hooks.example.com/']);
    expect(error).toBeInstanceOf(ExecutionFailed);
    expect(calls).toBe(0);
  });

  it('does not retry a 4xx', async () => {
    const error = (await run(`${base}/x`)) as ExecutionFailed;
    expect(error.message).toBe('the webhook answered HTTP 422');
    expect(error.details).toEqual({ status: 422, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('retries a network error, then gives up saying why', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}/x`;
    await new Promise((resolve) => closed.close(resolve));
    const error = (await run(url, [url])) as ExecutionFailed;
    expect(error.message).toMatch(/^the webhook failed after 3 attempts: network error/);
  });
});
