/** Exit codes the CLI documents in --help. */
export const EXIT = {
  ok: 0,
  failure: 1,
  /** The configuration (file or flags) is invalid. */
  badConfig: 2,
} as const;

/** A failure already explained to the user: print the message, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
