/**
 * `omen backtest`: read a history (a CSV, or a Prometheus-compatible API), replay it through
 * the production models and the shipped alert rules, print when the alerts would have fired.
 * It opens no store at all, so it can never touch the serving one (DESIGN Decision 7).
 */
import { parseDuration } from '../config/duration.js';
import { backtestSeries, BACKTEST_DEFAULTS, type BacktestOptions } from '../eval/backtest/backtest.js';
import { readPrometheusHistory } from '../eval/backtest/prometheus-history.js';
import { formatBacktest } from '../eval/backtest/report.js';
import { readNabCsv } from '../eval/nab/csv.js';
import { NabInputError } from '../eval/nab/errors.js';
import { authHeaders } from '../sources/prometheus/auth.js';
import { createQueryApi, QueryApiError } from '../sources/prometheus/query-api.js';
import { CliError, EXIT } from './exit.js';

export interface BacktestFlags {
  prometheus?: string;
  query?: string;
  by: string;
  from: string;
  to?: string;
  step: string;
  bearerTokenFile?: string;
  threshold?: number;
  horizon: number;
  learn: number;
}

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** An RFC 3339 time, or a duration meaning that long before now (`7d`). */
export function timeArg(text: string, nowMs: number): number {
  if (/^\d+[a-z]/.test(text)) {
    try {
      return nowMs - parseDuration(text);
    } catch {
      // not a duration: try it as a time below
    }
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw new NabInputError(`not a time: "${text}" (expected e.g. 2026-12-01T00:00:00Z or 7d)`);
  return ms;
}

export async function backtestCommand(file: string | undefined, flags: BacktestFlags): Promise<void> {
  const options: BacktestOptions = {
    ...BACKTEST_DEFAULTS,
    horizonSteps: flags.horizon,
    learnFraction: flags.learn,
    threshold: flags.threshold,
  };
  try {
    if ((file === undefined) === (flags.prometheus === undefined)) {
      throw new NabInputError('give either a CSV file or --prometheus <url> with --query <promql>');
    }
    if (file !== undefined) {
      const series = readNabCsv(file, file);
      process.stdout.write(formatBacktest(file, series.values.length, backtestSeries(series, options)));
      return;
    }
    await backtestPrometheus(flags, options);
  } catch (error) {
    if (error instanceof NabInputError || error instanceof QueryApiError) {
      throw new CliError(error.message, EXIT.badConfig);
    }
    throw error;
  }
}

async function backtestPrometheus(flags: BacktestFlags, options: BacktestOptions): Promise<void> {
  if (flags.query === undefined) throw new NabInputError('--prometheus needs --query <promql>');
  const nowMs = Date.now();
  const headers = await authHeaders({ bearerTokenFile: flags.bearerTokenFile });
  const api = createQueryApi(flags.prometheus as string, async () => ({
    timeoutMs: 60_000,
    maxBodyBytes: 256 * 1024 * 1024,
    headers,
  }));
  const histories = await readPrometheusHistory(
    api,
    {
      expr: flags.query,
      by: flags.by.split(',').map((label) => label.trim()),
      startMs: timeArg(flags.from, nowMs),
      endMs: flags.to === undefined ? nowMs : timeArg(flags.to, nowMs),
      stepMs: parseDuration(flags.step),
    },
    progress,
  );
  for (const { service, series } of histories) {
    try {
      process.stdout.write(
        `${formatBacktest(service, series.values.length, backtestSeries(series, options))}\n`,
      );
    } catch (error) {
      // One short series does not hide the others' results.
      if (!(error instanceof NabInputError) || histories.length === 1) throw error;
      process.stdout.write(`${service}: skipped: ${error.message}\n\n`);
    }
  }
}
