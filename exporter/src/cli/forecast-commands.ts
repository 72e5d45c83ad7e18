/** `omen forecast`, `omen eval forecast` and `omen eval breach`: parse → run → print. */
import { runEvalBreach, EVAL_BREACH_DEFAULTS } from '../eval/breach/eval-breach.js';
import { formatBreachReport } from '../eval/breach/report.js';
import { runEvalForecast } from '../eval/forecast/eval-forecast.js';
import { formatForecastReport } from '../eval/forecast/report.js';
import { readNabCsv } from '../eval/nab/csv.js';
import { forecastCsv } from './forecast-csv.js';
import { withInputErrors } from './input-errors.js';

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export function forecastCommand(file: string, flags: { horizon: number; levels: number[] }): void {
  withInputErrors(() => {
    const result = forecastCsv(readNabCsv(file, file), flags, file);
    progress(result.summary);
    if (result.warning) progress(`warning: ${result.warning}`);
    process.stdout.write(result.csv);
  });
}

export function evalForecastCommand(dataDir: string): void {
  withInputErrors(() => process.stdout.write(formatForecastReport(runEvalForecast(dataDir, progress))));
}

export function evalBreachCommand(dataDir: string, flags: { cutoff: number; horizon: number }): void {
  const options = { ...EVAL_BREACH_DEFAULTS, cutoff: flags.cutoff, horizon: flags.horizon };
  withInputErrors(() => process.stdout.write(formatBreachReport(runEvalBreach(dataDir, progress, options))));
}
