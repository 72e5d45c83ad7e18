/** The `omen` binary as users run it: help, exit codes, and one clear line per problem. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OMEN_BIN, ROOT } from './support/processes.js';

function omen(...args: string[]) {
  const result = spawnSync('node', [OMEN_BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('omen CLI', () => {
  it('explains its commands', () => {
    const help = omen('--help');
    expect(help.code).toBe(0);
    for (const command of ['serve', 'check-config', 'demo']) expect(help.stdout).toContain(command);
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 failure, 2 invalid configuration');
    const serve = omen('serve', '--help');
    expect(serve.stdout).toContain('--config <file>');
    expect(serve.stdout).toContain('OMEN_PORT');
  });

  it('exits 2 with the key path on an invalid config, without a stack trace', () => {
    const fixture = 'exporter/src/config/fixtures/invalid-duration.yaml';
    const result = omen('serve', '--config', fixture);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `omen: invalid configuration\n${fixture}: line 2: pipeline.interval: expected a duration such as 15s, 5m or 1h30m\n`,
    );
  });

  it('validates a good config with check-config', () => {
    const result = omen('check-config', 'config/demo.yaml');
    expect(result).toMatchObject({ code: 0, stdout: 'config/demo.yaml: valid\n' });
  });

  it('reports a missing config file in one line', () => {
    const result = omen('serve', '--config', 'config/does-not-exist.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('config/does-not-exist.yaml: cannot read the file (ENOENT)');
  });
});
