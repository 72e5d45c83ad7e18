/** `omen eval nab`: parse → run → print. The work lives in eval/nab/. */
import { NabInputError } from '../eval/nab/errors.js';
import { runEvalNab } from '../eval/nab/eval-nab.js';
import { formatReport } from '../eval/nab/report.js';
import { EXIT } from './exit.js';

export interface EvalNabFlags {
  out: string;
  windows?: string;
}

export function evalNabCommand(dataDir: string, flags: EvalNabFlags): void {
  try {
    const report = runEvalNab({
      dataDir,
      outDir: flags.out,
      windowsPath: flags.windows,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(formatReport(report));
  } catch (error) {
    // Bad input is the user's to fix: one line and exit 2 (main.ts would report a CliError
    // with exit 1, so the code is set here).
    if (!(error instanceof NabInputError)) throw error;
    process.stderr.write(`omen: ${error.message}\n`);
    process.exitCode = EXIT.badConfig;
  }
}
