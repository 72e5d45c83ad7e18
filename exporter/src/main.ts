/** Composition root: run the CLI, and turn known failures into a message and an exit code. */
import { buildProgram } from './cli/program.js';
import { CliError, EXIT } from './cli/exit.js';
import { ConfigError } from './config/errors.js';
import { StoreLockedError } from './store/store.js';

function fail(message: string, code: number): never {
  process.stderr.write(`omen: ${message}\n`);
  process.exit(code);
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) fail(`invalid configuration\n${error.message}`, EXIT.badConfig);
  if (error instanceof CliError) fail(error.message, error.exitCode);
  if (error instanceof StoreLockedError) fail(error.message, EXIT.failure);
  if (error instanceof Error) fail(error.message, EXIT.failure);
  throw error;
}
