import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { scrapeSourceSchema, signalSchema } from '../../config/schema.js';
import { createLogger } from '../../log/logger.js';
import { ACCEPT_HEADER } from './http-fetch.js';
import { createScrapeSource } from './scrape-source.js';

const T0 = 1_700_000_000_000;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A real HTTP target on 127.0.0.1, port 0; closed (hanging sockets too) after each test. */
async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

const SIGNALS = [
  signalSchema.parse({
    name: 'error_ratio',
    type: 'ratio',
    numerator: 'http_requests_total{code=~"5.."}',
    denominator: 'http_requests_total',
  }),
  signalSchema.parse({ name: 'inflight', type: 'gauge', selector: 'inflight_requests' }),
  signalSchema.parse({ name: 'elsewhere', type: 'gauge', selector: 'inflight_requests', sources: ['other'] }),
];

function source(url: string, options: Record<string, unknown> = {}, deps = {}) {
  const config = scrapeSourceSchema.parse({
    name: 'demo',
    type: 'scrape',
    url,
    timeout: '300ms',
    ...options,
  });
  return createScrapeSource(config, SIGNALS, deps);
}

const collectAt = (nowMs: number, abort = new AbortController().signal) => ({ nowMs, abort });

/** An exposition whose counters grow by `errors` 5xx out of `total` requests per scrape. */
function exposition(scrape: number, { errors = 5, total = 50 } = {}) {
  return [
    '# TYPE http_requests_total counter',
    `http_requests_total{service="api",code="200"} ${scrape * (total - errors)}`,
    `http_requests_total{service="api",code="500"} ${scrape * errors}`,
    '# TYPE inflight_requests gauge',
    'inflight_requests{service="api"} 3',
  ].join('\n');
}

describe('scrape source over real HTTP', () => {
  it('negotiates OpenMetrics, decodes gzip, sends the bearer token and computes the signals', async () => {
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'omen-scrape-')), 'token');
    writeFileSync(tokenFile, 's3cret-token\n');
    const seen: IncomingMessage['headers'][] = [];
    let scrape = 0;
    const url = await serve((request, response) => {
      seen.push(request.headers);
      const openMetrics = request.headers.accept?.startsWith('application/openmetrics-text');
      const body = `${exposition(scrape++)}\n${openMetrics ? '# EOF\n' : ''}`;
      response.writeHead(200, {
        'Content-Type': openMetrics
          ? 'application/openmetrics-text; version=1.0.0; charset=utf-8'
          : 'text/plain; version=0.0.4',
        'Content-Encoding': 'gzip',
      });
      response.end(gzipSync(body));
    });
    const demo = source(url, { bearerTokenFile: tokenFile });

    const first = await demo.collect(collectAt(T0));
    expect(first).toEqual({
      samples: [{ signal: 'inflight', service: 'api', timestampMs: T0, value: 3 }],
      parseErrors: 0,
    });
    const second = await demo.collect(collectAt(T0 + 15_000));
    expect(second).toEqual({
      samples: [
        { signal: 'error_ratio', service: 'api', timestampMs: T0 + 15_000, value: expect.closeTo(0.1, 12) },
        { signal: 'inflight', service: 'api', timestampMs: T0 + 15_000, value: 3 },
      ],
      parseErrors: 0,
    });
    expect(seen[0]).toMatchObject({
      accept: ACCEPT_HEADER,
      'accept-encoding': 'gzip',
      authorization: 'Bearer s3cret-token',
    });
    expect(demo).toMatchObject({ name: 'demo', kind: 'scrape' });
  });

  it('counts a missing # EOF in an OpenMetrics response as a parse error', async () => {
    const url = await serve((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/openmetrics-text; version=1.0.0' });
      response.end(exposition(1));
    });
    const result = await source(url).collect(collectAt(T0));
    expect(result.parseErrors).toBe(1);
    expect(result.samples).toEqual([{ signal: 'inflight', service: 'api', timestampMs: T0, value: 3 }]);
  });

  it('fails quickly, naming the target, when the target never answers', async () => {
    const url = await serve(() => {
      // Never responds.
    });
    const started = performance.now();
    await expect(source(url).collect(collectAt(T0))).rejects.toThrow(
      `scraping ${url}: timed out after 300ms`,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('times out a body that stalls half-way', async () => {
    const url = await serve((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.write('inflight_requests{service="api"} 3\n');
    });
    await expect(source(url).collect(collectAt(T0))).rejects.toThrow(
      `scraping ${url}: timed out after 300ms`,
    );
  });

  it('stops when the cycle is cancelled', async () => {
    const url = await serve(() => {});
    const controller = new AbortController();
    const pending = source(url, { timeout: '10s' }).collect(collectAt(T0, controller.signal));
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(`scraping ${url}: cancelled`);
  });

  it('fails on a non-2xx answer', async () => {
    const url = await serve((_, response) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('inflight_requests{service="api"} 3\n');
    });
    await expect(source(url).collect(collectAt(T0))).rejects.toThrow(
      `scraping ${url}: the target answered HTTP 500 Internal Server Error`,
    );
  });

  it('fails on a refused connection', async () => {
    const url = await serve(() => {});
    await closers.pop()!();
    await expect(source(url).collect(collectAt(T0))).rejects.toThrow(
      `scraping ${url}: connection refused (ECONNREFUSED)`,
    );
  });

  it('counts a wrong content type as one parse error and still reads the good lines', async () => {
    const url = await serve((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<html>\ninflight_requests{service="api"} 3\n</html>\n');
    });
    const result = await source(url).collect(collectAt(T0));
    expect(result).toEqual({
      samples: [{ signal: 'inflight', service: 'api', timestampMs: T0, value: 3 }],
      parseErrors: 3,
    });
  });

  const big = `${'# padding padding padding padding padding padding padding\n'.repeat(40)}inflight_requests 1\n`;

  it.each([
    ['streamed without a length', false, false],
    ['announced by Content-Length', true, false],
    ['gzip-compressed below the limit', false, true],
  ])('fails on a body over maxBodyBytes, %s', async (_, withLength, compressed) => {
    const url = await serve((_, response) => {
      const headers: Record<string, string> = { 'Content-Type': 'text/plain; version=0.0.4' };
      const payload = compressed ? gzipSync(big) : Buffer.from(big);
      if (compressed) headers['Content-Encoding'] = 'gzip';
      if (withLength) headers['Content-Length'] = String(payload.length);
      response.writeHead(200, headers);
      // In small chunks, so the limit is hit while reading rather than at the end.
      for (let at = 0; at < payload.length; at += 256) response.write(payload.subarray(at, at + 256));
      response.end();
    });
    expect(gzipSync(big).length).toBeLessThan(1024);
    await expect(source(url, { maxBodyBytes: 1024 }).collect(collectAt(T0))).rejects.toThrow(
      `scraping ${url}: response larger than 1024 bytes`,
    );
    // The same body under a larger limit is fine.
    await expect(source(url, { maxBodyBytes: 4096 }).collect(collectAt(T0))).resolves.toMatchObject({
      parseErrors: 0,
    });
  });

  it('fails, without showing the token, when the bearer token file cannot be read', async () => {
    const url = await serve((_, response) => response.end('inflight_requests{service="api"} 3\n'));
    await expect(
      source(url, { bearerTokenFile: '/nonexistent/omen-token' }).collect(collectAt(T0)),
    ).rejects.toThrow(`scraping ${url}: cannot read bearer token file /nonexistent/omen-token`);
  });

  it('logs the first bad lines of a scrape, never the token', async () => {
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'omen-scrape-')), 'token');
    writeFileSync(tokenFile, 'never-log-me');
    const url = await serve((request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.end(`broken{ 1\ninflight_requests{service="api"} NaN\n# ${request.headers.authorization}\n`);
    });
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'debug', format: 'json', destination });
    const result = await source(url, { bearerTokenFile: tokenFile }, { logger }).collect(collectAt(T0));
    expect(result).toEqual({ samples: [], parseErrors: 2 });
    const log = lines.join('');
    expect(log).toContain('scrape has unusable lines');
    expect(log).toContain('"line":2');
    expect(log).not.toContain('never-log-me');
  });
});
