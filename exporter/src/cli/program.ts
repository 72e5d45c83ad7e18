/** The `omen` command line: every command and option, with the help users read. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DURATION_PATTERN } from '../config/duration.js';
import { loadConfigFile } from '../config/load.js';
import { DEFAULT_RCA_RANKER, rca } from '../models/registry.js';
import { registerBacktestCommand } from './backtest-program.js';
import { demoCommand } from './demo-command.js';
import { evalNabCommand } from './eval-nab-command.js';
import { evalRcaCommand } from './eval-rca-command.js';
import { registerForecastCommands } from './forecast-program.js';
import { serveCommand } from './serve-command.js';
import { VERSION } from './version.js';

function port(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port number 0-65535');
  return value;
}

function durationArg(value: string): string {
  if (!DURATION_PATTERN.test(value)) throw new InvalidArgumentError('expected a duration such as 24m or 1h');
  return value;
}

export function buildProgram(): Command {
  const program = new Command('omen')
    .description(
      'Omen predicts errors before they happen: it pulls error metrics, models them in an embedded\n' +
        'DuckDB store, and exposes anomaly scores and predictions as Prometheus metrics.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 failure, 2 invalid configuration.\nDocs: README.md (configuration reference, metrics, API).',
    );

  program
    .command('serve')
    .description('Run the exporter: collect, store, score, and serve /metrics and the JSON API.')
    .requiredOption('-c, --config <file>', 'YAML configuration file (see README "Configuration reference")')
    .option('-p, --port <port>', 'port to listen on (overrides server.port and OMEN_PORT)', port)
    .addHelpText(
      'after',
      '\nEnvironment:\n  OMEN_PORT   port to listen on (overrides server.port)\n\n' +
        'Endpoints: /metrics, /healthz, /readyz, /api/v1/signals, /api/v1/anomalies, /api/v1/openapi.json\n' +
        'Example:\n  omen serve --config config/demo.yaml',
    )
    .action(serveCommand);

  program
    .command('check-config')
    .description('Validate a configuration file and exit (0 valid, 2 invalid).')
    .argument('<file>', 'YAML configuration file')
    .action((file: string) => {
      loadConfigFile(file, { env: process.env });
      process.stdout.write(`${file}: valid\n`);
    });

  program
    .command('demo')
    .description(
      'Run the demo application: five services with real Prometheus metrics and scheduled incidents.',
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('-p, --port <port>', 'port').default('10421').env('OMEN_DEMO_PORT').argParser(port))
    .option('--day-length <duration>', 'real time one demo day takes (compressed time)', durationArg, '24m')
    .addOption(new Option('--schedule <mode>', 'scheduled incidents').choices(['on', 'off']).default('on'))
    .option('--seed <n>', 'random seed (same seed, same traffic)', '42')
    .option(
      '--peak-rps <n>',
      'requests per second at the daily peak (more traffic, finer error ratios)',
      '40',
    )
    .addHelpText(
      'after',
      '\nStart an incident now:  curl -X POST http://127.0.0.1:10421/demo/incidents/error_spike\n' +
        'Incidents: error_spike, slow_burn, latency_shift, dependency_failure.  State: GET /demo/state',
    )
    .action(demoCommand);

  const evaluate = program
    .command('eval')
    .description('Measure a model family on labelled data and print the standard score of its field.');
  evaluate
    .command('nab')
    .description(
      'Run the default anomaly detector online over a NAB corpus, write NAB results files,\n' +
        'and score them by the NAB method (standard, low-FP and low-FN profiles).',
    )
    .argument(
      '<data-dir>',
      'NAB-layout folder: <category>/<file>.csv (or a folder with data/ and windows.json)',
    )
    .requiredOption('-o, --out <dir>', 'where to write <dir>/omen/<category>/omen_<file>.csv')
    .option(
      '-w, --windows <file>',
      "anomaly windows (NAB's windows.json); default: <data-dir>/windows.json beside data/",
    )
    .addHelpText(
      'after',
      '\nWithout a windows file the results are written but not scored. Exit 2 on bad input.\n' +
        'Example:\n  omen eval nab ../shared/data/nab --out /tmp/nab-out',
    )
    .action(evalNabCommand);
  evaluate
    .command('rca')
    .description(
      'Rank the likely root causes of labelled incidents with the root-cause ranker the exporter\n' +
        'uses, and print top-1 and top-3 recall per scenario and target metric.',
    )
    .argument('[dir]', 'PetShop-layout folder: <scenario>/graph.csv, noissue/, <split>/issue_N/')
    .option('--generated', 'also (or instead) evaluate the generated varied-cause set')
    .option(
      '--demo',
      "also (or instead) evaluate the demo application's cascades (each incident on each service)",
    )
    .option('--seed <n>', 'seed of the generated set and the demo runs', '1')
    .option('--cases <n>', 'cases in the generated set', '200')
    .option('--ranker <name>', `ranker: ${Object.keys(rca).join(', ')}`, DEFAULT_RCA_RANKER)
    .option('--per-case', 'also print each case: root cause, its rank, the top 3')
    .option('--json', 'print one JSON object (overall.top1, overall.top3, groups, cases)')
    .addHelpText(
      'after',
      '\nExit 2 on bad input. Examples:\n' +
        '  omen eval rca ../shared/data/petshop\n' +
        '  omen eval rca --generated --seed 2 --cases 300 --json\n' +
        '  omen eval rca ../shared/data/petshop --generated --demo',
    )
    .action(evalRcaCommand);

  registerForecastCommands(program, evaluate);
  registerBacktestCommand(program);

  return program;
}
