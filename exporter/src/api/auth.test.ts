import { timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import { actorOf, ApiTokens, authenticate } from './auth.js';
import { errorHandler } from './errors.js';
import { call, startTestApp, type TestApp } from './test-app.js';

const TOKENS: Record<Role, string> = {
  viewer: 'viewer-token-0123456789',
  operator: 'operator-token-0123456789',
  admin: 'admin-token-0123456789',
  ingest: 'ingest-token-0123456789',
};
const ENV = {
  OMEN_VIEWER_TOKEN: TOKENS.viewer,
  OMEN_OPERATOR_TOKEN: TOKENS.operator,
  OMEN_ADMIN_TOKEN: TOKENS.admin,
  OMEN_INGEST_TOKEN: TOKENS.ingest,
};
const AUTH = {
  tokens: (['viewer', 'operator', 'admin', 'ingest'] as const).map((role) => ({
    role,
    env: `OMEN_${role.toUpperCase()}_TOKEN`,
  })),
};

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ tokens: ApiTokens.load(AUTH, ENV) });
});
afterAll(() => app.close());

const ingestBody = { events: [{ service: 'payments', type: 'TimeoutError' }] };

// [method, path, roles answered 2xx]; every other role gets 403.
const ROUTES: [string, string, Role[]][] = [
  ['GET', '/api/v1/signals', ['viewer', 'operator', 'admin']],
  ['GET', '/api/v1/anomalies', ['viewer', 'operator', 'admin']],
  ['GET', '/api/v1/openapi.json', ['viewer', 'operator', 'admin']],
  ['POST', '/api/v1/ingest', ['ingest', 'admin']],
];

describe('API tokens and roles', () => {
  it.each(ROUTES)('%s %s: 401 without a token, then 200 or 403 by role', async (method, path, allowed) => {
    const body = method === 'POST' ? ingestBody : undefined;
    const anonymous = await call(app.base, path, { method, body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="omen"');
    expect(anonymous.body.error).toEqual({ code: 'unauthorized', message: 'a bearer token is required' });
    for (const role of Object.keys(TOKENS) as Role[]) {
      const answer = await call(app.base, path, { method, body, token: TOKENS[role] });
      expect([role, answer.status]).toEqual([role, allowed.includes(role) ? 200 : 403]);
      if (answer.status === 403) expect(answer.body.error.code).toBe('forbidden');
    }
  });

  it('answers an unknown token 401 with error="invalid_token", also when only its length differs', async () => {
    for (const token of ['nope', `${TOKENS.admin}x`, TOKENS.admin.replace('a', 'b')]) {
      const answer = await call(app.base, '/api/v1/signals', { token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="omen", error="invalid_token"');
      expect(answer.body.error.message).toBe('the bearer token is not valid');
    }
  });

  it('keeps /metrics, /healthz and /readyz open', async () => {
    expect((await call(app.base, '/metrics')).status).toBe(200);
    expect((await call(app.base, '/healthz')).status).toBe(200);
    expect([200, 503]).toContain((await call(app.base, '/readyz')).status);
  });

  it('lets the ingest token do nothing but push, not even find out which routes exist', async () => {
    const answer = await call(app.base, '/api/v1/nothing', { token: TOKENS.ingest });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(
      'the ingest role may not do this; it needs viewer or operator or admin',
    );
  });
});

describe('ApiTokens', () => {
  it('compares every configured token with timingSafeEqual over equal-length digests', () => {
    const calls: [number, number][] = [];
    const counting = (a: Buffer, b: Buffer) => {
      calls.push([a.length, b.length]);
      return timingSafeEqual(a, b);
    };
    const tokens = ApiTokens.load(AUTH, ENV, counting);
    expect(tokens.match(TOKENS.viewer)).toEqual({ id: 'auth.tokens[0]', role: 'viewer' });
    expect(tokens.match('x')).toBeUndefined();
    expect(tokens.match(`${TOKENS.viewer}-and-much-longer`)).toBeUndefined();
    // 4 tokens × 3 lookups, each compared in full even after the first one matched.
    expect(calls).toHaveLength(12);
    expect(calls.every(([a, b]) => a === 32 && b === 32)).toBe(true);
  });

  it('reads a token file without its trailing newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omen-auth-'));
    try {
      const file = join(dir, 'token');
      writeFileSync(file, `${TOKENS.ingest}\n`);
      const tokens = ApiTokens.load({ tokens: [{ role: 'ingest', file }] }, {});
      expect(tokens.match(TOKENS.ingest)).toEqual({ id: 'auth.tokens[0]', role: 'ingest' });
      writeFileSync(file, '\n');
      expect(() => ApiTokens.load({ tokens: [{ role: 'ingest', file }] }, {})).toThrow(
        `auth.tokens[0].file: "${file}" is empty`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a missing, short or repeated token, naming the key and never the value', () => {
    const viewer = { role: 'viewer' as const, env: 'T1' };
    expect(() => ApiTokens.load({ tokens: [viewer] }, {})).toThrow(
      'auth.tokens[0].env: the environment variable T1 is not set or empty',
    );
    expect(() => ApiTokens.load({ tokens: [viewer] }, { T1: 'short' })).toThrow(
      'auth.tokens[0]: the token is shorter than 16 characters',
    );
    const twice = { tokens: [viewer, { role: 'admin' as const, env: 'T2' }] };
    let message = '';
    try {
      ApiTokens.load(twice, { T1: TOKENS.admin, T2: TOKENS.admin });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('auth.tokens[1]: the same token as auth.tokens[0]');
    expect(message).not.toContain(TOKENS.admin);
  });

  it('leaves the API open without tokens', async () => {
    const open = await startTestApp({});
    try {
      expect((await call(open.base, '/api/v1/signals')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('the actor', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const echo = express();
    echo.use(authenticate(ApiTokens.load(AUTH, ENV)));
    echo.get('/whoami', (_request, response) => {
      response.json(actorOf(response));
    });
    echo.use(errorHandler(createLogger({ level: 'error', format: 'json' })));
    server = echo.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is the token’s role plus the Grafana user when the proxy names one', async () => {
    const withUser = await call(base, '/whoami', {
      token: TOKENS.operator,
      headers: { 'x-grafana-user': ' alice ' },
    });
    expect(withUser.body).toEqual({ role: 'operator', tokenId: 'auth.tokens[1]', user: 'alice' });
    const without = await call(base, '/whoami', { token: TOKENS.viewer });
    expect(without.body).toEqual({ role: 'viewer', tokenId: 'auth.tokens[0]' });
  });
});
