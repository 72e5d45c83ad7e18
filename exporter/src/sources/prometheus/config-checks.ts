/**
 * The `prometheus` source's cross-key config rules (called by `config/consistency.ts`):
 * a `promql` signal needs a source that can evaluate it, a source has one way to
 * authenticate, and the files it reads at every collect are readable at start-up.
 */
import { accessSync, constants } from 'node:fs';
import { formatPath } from '../../config/errors.js';
import type { OmenConfig } from '../../config/schema.js';

function promqlWithoutPrometheus(config: OmenConfig): string[] {
  const problems: string[] = [];
  const prometheusNames = config.sources.filter((s) => s.type === 'prometheus').map((s) => s.name);
  config.signals.forEach((signal, index) => {
    if (signal.type !== 'promql') return;
    const candidates = signal.sources ?? config.sources.map((source) => source.name);
    if (candidates.some((name) => prometheusNames.includes(name))) return;
    problems.push(
      `${formatPath(['signals', index])}: a promql signal needs a prometheus source among its sources (has: ${candidates.join(', ')})`,
    );
  });
  return problems;
}

function unreadable(file: string | undefined): boolean {
  if (file === undefined) return false;
  try {
    accessSync(file, constants.R_OK);
    return false;
  } catch {
    return true;
  }
}

export function prometheusSourceProblems(config: OmenConfig): string[] {
  const problems = promqlWithoutPrometheus(config);
  config.sources.forEach((source, index) => {
    if (source.type !== 'prometheus') return;
    const ways = (['bearerTokenFile', 'bearerTokenEnv', 'basicAuth'] as const).filter(
      (key) => source[key] !== undefined,
    );
    if (ways.length > 1) {
      problems.push(`${formatPath(['sources', index])}: set only one of ${ways.join(', ')}`);
    }
    const files: [(string | number)[], string | undefined][] = [
      [['bearerTokenFile'], source.bearerTokenFile],
      [['basicAuth', 'passwordFile'], source.basicAuth?.passwordFile],
      [['tls', 'caFile'], source.tls.caFile],
    ];
    for (const [path, file] of files) {
      if (unreadable(file))
        problems.push(`${formatPath(['sources', index, ...path])}: cannot read "${file}"`);
    }
  });
  return problems;
}
