import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthConfigError, authHeaders } from './auth.js';

const dir = mkdtempSync(join(tmpdir(), 'omen-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('authHeaders', () => {
  it('sends nothing without auth', async () => {
    expect(await authHeaders({}, {})).toEqual({});
  });

  it('reads a bearer token from a file, trimmed, at every call (rotation)', async () => {
    const file = secretFile('token', 's3cret\n');
    expect(await authHeaders({ bearerTokenFile: file }, {})).toEqual({ Authorization: 'Bearer s3cret' });
    writeFileSync(file, 'rotated');
    expect(await authHeaders({ bearerTokenFile: file }, {})).toEqual({ Authorization: 'Bearer rotated' });
  });

  it('reads a bearer token from the named environment variable', async () => {
    expect(await authHeaders({ bearerTokenEnv: 'PROM_TOKEN' }, { PROM_TOKEN: 'abc' })).toEqual({
      Authorization: 'Bearer abc',
    });
    await expect(authHeaders({ bearerTokenEnv: 'PROM_TOKEN' }, {})).rejects.toThrow(
      'environment variable PROM_TOKEN is not set',
    );
  });

  it('builds basic auth from a user name and a password file', async () => {
    const passwordFile = secretFile('password', 'p@ss:word\n');
    expect(await authHeaders({ basicAuth: { username: 'omen', passwordFile } }, {})).toEqual({
      Authorization: `Basic ${Buffer.from('omen:p@ss:word').toString('base64')}`,
    });
  });

  it('names the missing file, never a secret', async () => {
    const error = await authHeaders({ bearerTokenFile: join(dir, 'missing') }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthConfigError);
    expect((error as Error).message).toBe(`cannot read bearer token file ${join(dir, 'missing')} (ENOENT)`);
  });
});
