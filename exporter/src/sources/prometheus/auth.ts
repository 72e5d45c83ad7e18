/**
 * The Authorization header for the query API. Secrets come from a file or an environment
 * variable, never the config itself, and are read at every collect so a rotated token is
 * picked up without a restart. Errors name where the secret should be, never the secret.
 */
import { readFile } from 'node:fs/promises';

export interface AuthOptions {
  bearerTokenFile?: string | undefined;
  bearerTokenEnv?: string | undefined;
  basicAuth?: { username: string; passwordFile: string } | undefined;
}

/** A secret could not be read: the source cannot even try (and says where to look). */
export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

async function readSecret(file: string, what: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AuthConfigError(`cannot read ${what} file ${file} (${code})`, { cause: error });
  }
}

/** Headers to add to every request; empty when no auth is configured. */
export async function authHeaders(
  options: AuthOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string>> {
  if (options.bearerTokenFile !== undefined) {
    return { Authorization: `Bearer ${await readSecret(options.bearerTokenFile, 'bearer token')}` };
  }
  if (options.bearerTokenEnv !== undefined) {
    const token = env[options.bearerTokenEnv]?.trim();
    if (!token) throw new AuthConfigError(`environment variable ${options.bearerTokenEnv} is not set`);
    return { Authorization: `Bearer ${token}` };
  }
  if (options.basicAuth !== undefined) {
    const password = await readSecret(options.basicAuth.passwordFile, 'basic auth password');
    const credentials = Buffer.from(`${options.basicAuth.username}:${password}`).toString('base64');
    return { Authorization: `Basic ${credentials}` };
  }
  return {};
}
