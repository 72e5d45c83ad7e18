/**
 * Runs a command whose failures on bad input are the user's to fix: such an error becomes
 * one line on stderr and exit 2 (main.ts would give a CliError exit 1). Anything else is a
 * bug and keeps its stack.
 */
import { NabInputError } from '../eval/nab/errors.js';
import { CliError, EXIT } from './exit.js';

export function withInputErrors(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof NabInputError) throw new CliError(error.message, EXIT.badConfig);
    throw error;
  }
}
