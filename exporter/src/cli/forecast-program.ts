/** The forecasting commands' options and help, registered on the `omen` program by program.ts. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { LEARNED_THRESHOLD_RULE } from '../models/prediction/threshold.js';
import { BREACH_ALERT_AT } from '../models/prediction/alert.js';
import { EVAL_BREACH_DEFAULTS } from '../eval/breach/eval-breach.js';
import { evalBreachCommand, evalForecastCommand, forecastCommand } from './forecast-commands.js';

function steps(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new InvalidArgumentError('expected a whole number of steps, 1-100000');
  return n;
}

/** `80,95` → [0.8, 0.95]. */
export function levelsArg(value: string): number[] {
  const levels = value.split(',').map((part) => Number(part.trim()));
  if (levels.length === 0 || levels.some((l) => !(l > 0 && l < 100)))
    throw new InvalidArgumentError('expected percentages between 0 and 100, comma-separated, such as 80,95');
  return [...new Set(levels)].sort((a, b) => a - b).map((l) => l / 100);
}

function probability(value: string): number {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new InvalidArgumentError('expected a probability between 0 and 1');
  return p;
}

const NAB_LAYOUT = 'folder of <category>/<file>.csv with columns timestamp,value (or a folder with data/)';

export function registerForecastCommands(program: Command, evaluate: Command): void {
  program
    .command('forecast')
    .description(
      'Forecast a timestamp,value CSV: point and prediction intervals for the next steps, as CSV on stdout.',
    )
    .argument('<file.csv>', 'history with the header "timestamp,value", oldest first, evenly sampled')
    .requiredOption(
      '-H, --horizon <steps>',
      "how many steps ahead (a step is the history's sampling interval)",
      steps,
    )
    .addOption(
      new Option('-l, --levels <list>', 'interval levels in percent')
        .default([0.8, 0.95], '80,95')
        .argParser(levelsArg),
    )
    .addHelpText(
      'after',
      '\nOutput: timestamp,point,lower_80,upper_80,lower_95,upper_95 (one lower/upper pair per level).\n' +
        "The season is detected from the data; intervals come from the model's own out-of-sample errors.\n" +
        'Example:\n  omen forecast ../shared/data/nab/data/realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv --horizon 12',
    )
    .action(forecastCommand);

  evaluate
    .command('forecast')
    .description(
      'Rolling-origin evaluation of the default forecaster against seasonal naive: origins over the\n' +
        'last 30% of each file, horizons 1, 12 and 48 steps; MASE, sMAPE, 80/95% coverage and MSIS.',
    )
    .argument('<data-dir>', NAB_LAYOUT)
    .addHelpText('after', '\nExit 2 on bad input.\nExample:\n  omen eval forecast ../shared/data/nab')
    .action(evalForecastCommand);

  evaluate
    .command('breach')
    .description(
      "Backtest breach probabilities: thresholds learned from each file's first 15%, then\n" +
        'P(breach within 12 steps, or --horizon) at every later point; Brier score and skill, reliability and ECE,\n' +
        'event recall at leads 0, 6 and 12 steps and false alarms per day at the alert cut-off.',
    )
    .argument('<data-dir>', NAB_LAYOUT)
    .option(
      '-H, --horizon <steps>',
      'predict a breach within this many steps (the production gauges use 15m, 1h, 6h and 24h)',
      steps,
      EVAL_BREACH_DEFAULTS.horizon,
    )
    .option(
      '--cutoff <p>',
      'alert cut-off for recall and false alarms (the OmenBreachPredicted rule)',
      probability,
      BREACH_ALERT_AT,
    )
    .addHelpText(
      'after',
      `\nLearned threshold: ${LEARNED_THRESHOLD_RULE}.\nExit 2 on bad input.\nExample:\n  omen eval breach ../shared/data/nab`,
    )
    .action(evalBreachCommand);
}
