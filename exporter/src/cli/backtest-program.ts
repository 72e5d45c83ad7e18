/** `omen backtest`'s options and help, registered on the `omen` program by program.ts. */
import { type Command, InvalidArgumentError } from 'commander';
import { DURATION_PATTERN } from '../config/duration.js';
import { LEARNED_THRESHOLD_RULE } from '../models/prediction/threshold.js';
import { backtestCommand } from './backtest-command.js';

function steps(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new InvalidArgumentError('expected a whole number of steps, 1-10000');
  return n;
}

function fraction(value: string): number {
  const f = Number(value);
  if (!(f > 0 && f < 1)) throw new InvalidArgumentError('expected a fraction between 0 and 1, such as 0.15');
  return f;
}

function finite(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

function duration(value: string): string {
  if (!DURATION_PATTERN.test(value)) throw new InvalidArgumentError('expected a duration such as 1m or 5m');
  return value;
}

export function registerBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .description(
      "Would Omen have alerted? Replay a series' history through the production models and the\n" +
        "shipped alert rules' timings; print when the predicted-breach alert would have fired against\n" +
        'when the series breached and the threshold alert fired: lead times, misses, false alarms per day.',
    )
    .argument('[file.csv]', 'history with the header "timestamp,value", oldest first, evenly sampled')
    .option('--prometheus <url>', 'read the history from this Prometheus-compatible API instead (base URL)')
    .option('--query <promql>', "with --prometheus: the signal's expression (one result series per service)")
    .option('--by <labels>', 'with --prometheus: labels naming the service, comma-separated', 'service')
    .option('--from <time>', 'with --prometheus: start, RFC 3339 or a duration ago (7d)', '7d')
    .option('--to <time>', 'with --prometheus: end, RFC 3339 or a duration ago (default: now)')
    .option(
      '--step <duration>',
      'with --prometheus: the evaluation step (a step of the series)',
      duration,
      '1m',
    )
    .option('--bearer-token-file <file>', 'with --prometheus: file holding a bearer token')
    .option('--threshold <value>', 'the breach threshold (SLO); default: learned from the first part', finite)
    .option('-H, --horizon <steps>', 'breach horizon in steps of the series', steps, 12)
    .option(
      '--learn <fraction>',
      'share of the history the models learn from before the replay',
      fraction,
      0.15,
    )
    .addHelpText(
      'after',
      `\nLearned threshold: ${LEARNED_THRESHOLD_RULE}. Horizons up to 15m replay OmenBreachImminent,\n` +
        'longer ones OmenBreachPredicted; the threshold alert is OmenThresholdBreached. A false alarm is a\n' +
        'predicted alert with no breach within the horizon after it. No store is opened. Exit 2 on bad input.\n' +
        'Examples:\n' +
        '  omen backtest history.csv --threshold 0.05 --horizon 12\n' +
        '  omen backtest --prometheus http://127.0.0.1:9090 --by service --from 2d --step 15s \\\n' +
        '    --query \'sum by (service) (rate(http_requests_total{code=~"5.."}[1m])) / sum by (service) (rate(http_requests_total[1m]))\'',
    )
    .action(backtestCommand);
}
