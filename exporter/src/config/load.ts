/**
 * Reads a config file: YAML → strict schema → cross-key checks → environment overrides.
 * Every failure is a ConfigError naming the key path and what was expected (the CLI
 * prints it and exits 2); a config that loads is complete and consistent.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { configSchema, type OmenConfig } from './schema.js';
import { ConfigError, issuesToProblems, LineCounter } from './errors.js';
import { checkConsistency } from './consistency.js';

export interface LoadOptions {
  /** Environment for overrides such as OMEN_PORT (injected so tests need no process.env). */
  env?: NodeJS.ProcessEnv;
}

export function loadConfigFile(file: string, options: LoadOptions = {}): OmenConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    ]);
  }
  return parseConfig(text, file, options);
}

export function parseConfig(text: string, file: string, options: LoadOptions = {}): OmenConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map(
        (error) =>
          `line ${lines.linePos(error.pos[0]).line}: not valid YAML (${error.message.split('\n')[0]})`,
      ),
    );
  }
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw new ConfigError(file, issuesToProblems(parsed.error.issues, doc, lines));
  const problems = checkConsistency(parsed.data, options.env ?? {});
  if (problems.length > 0) throw new ConfigError(file, problems);
  return applyEnvironment(parsed.data, options.env ?? {}, file);
}

function applyEnvironment(config: OmenConfig, env: NodeJS.ProcessEnv, file: string): OmenConfig {
  const port = env.OMEN_PORT;
  if (port === undefined || port === '') return config;
  const value = Number(port);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(file, [`OMEN_PORT: expected a port number 0-65535, got "${port}"`]);
  }
  return { ...config, server: { ...config.server, port: value } };
}
