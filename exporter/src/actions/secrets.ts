/**
 * Webhook signing keys, read once at start-up from env or file (never from the config
 * file itself), kept in memory only, never logged or returned by the API.
 */
import { readFileSync } from 'node:fs';
import type { ActionConfig } from '../config/actions-schema.js';

export function loadActionSecrets(
  catalog: readonly ActionConfig[],
  env: NodeJS.ProcessEnv,
): Map<string, string> {
  const secrets = new Map<string, string>();
  catalog.forEach((action, index) => {
    if (action.kind !== 'webhook') return;
    const where = `actions.catalog[${index}].secret`;
    const { secret } = action;
    let value: string | undefined;
    if (secret.env !== undefined) {
      value = env[secret.env]?.trim();
      if (!value) throw new Error(`${where}.env: the environment variable ${secret.env} is not set or empty`);
    } else {
      try {
        value = readFileSync(secret.file!, 'utf8').trim();
      } catch (error) {
        throw new Error(
          `${where}.file: cannot read "${secret.file}" (${(error as NodeJS.ErrnoException).code ?? error})`,
        );
      }
      if (!value) throw new Error(`${where}.file: "${secret.file}" is empty`);
    }
    secrets.set(action.id, value);
  });
  return secrets;
}
