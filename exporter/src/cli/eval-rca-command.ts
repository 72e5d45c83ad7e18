/** `omen eval rca`: parse → run → print. The work lives in eval/rca/. */
import { RcaInputError } from '../eval/rca/errors.js';
import { runEvalRca } from '../eval/rca/eval-rca.js';
import { formatRcaJson, formatRcaReport } from '../eval/rca/report.js';
import { EXIT } from './exit.js';

export interface EvalRcaFlags {
  json?: boolean;
  generated?: boolean;
  demo?: boolean;
  seed: string;
  cases: string;
  ranker: string;
  perCase?: boolean;
}

function integer(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new RcaInputError(`${name} must be an integer ≥ ${min}, got "${text}"`);
  return n;
}

export function evalRcaCommand(dir: string | undefined, flags: EvalRcaFlags): void {
  try {
    const seed = integer('--seed', flags.seed, 0);
    const report = runEvalRca({
      dir,
      generated: flags.generated ? { seed, count: integer('--cases', flags.cases, 1) } : undefined,
      demo: flags.demo ? { seed } : undefined,
      ranker: flags.ranker,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(
      flags.json ? formatRcaJson(report) : formatRcaReport(report, { perCase: flags.perCase ?? false }),
    );
  } catch (error) {
    if (!(error instanceof RcaInputError)) throw error;
    process.stderr.write(`omen: ${error.message}\n`);
    process.exitCode = EXIT.badConfig;
  }
}
