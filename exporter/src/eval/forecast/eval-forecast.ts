/**
 * `omen eval forecast`: rolling-origin evaluation of the default forecaster against seasonal
 * naive on every file of a corpus (origins over each file's last 30%, horizons 1, 12 and
 * 48 steps). The overall ratio is mean MASE over mean seasonal-naive MASE, as in M4; files
 * whose seasonal-naive error is zero (flat, or perfectly periodic) have no finite MASE and
 * are reported apart.
 */
import { BASELINE_FORECASTER, DEFAULT_FORECASTER, forecasters } from '../../models/registry.js';
import { readCorpusSeries } from '../corpus-series.js';
import { typicalStepMs, type TimedValues } from '../timed-values.js';
import { naiveScale, type Accuracy } from './accuracy.js';
import { firstOrigin, rollingOrigin, type RollingOptions } from './rolling-origin.js';

export const EVAL_FORECAST_DEFAULTS: RollingOptions = {
  horizons: [1, 12, 48],
  levels: [0.8, 0.95],
  testFraction: 0.3,
};

/** Scaled scores of one forecaster on one file (or their means over files). */
export interface Scores {
  mase: number;
  smape: number;
  /** By level: 0.8 → share of actuals inside the 80% interval. */
  coverage: Map<number, number>;
  msis: number;
}

export interface FileForecastReport {
  file: string;
  points: number;
  period: number | null;
  /** True when seasonal naive's error is zero here: MASE is not finite, kept out of the means. */
  apart: boolean;
  /** Key `0` pools every horizon. */
  model: Map<number, Scores>;
  baseline: Map<number, Scores>;
  /** Unscaled mean absolute errors over every horizon (what is left to say about a file set apart). */
  maeModel: number;
  maeBaseline: number;
  seconds: number;
}

export interface EvalForecastReport {
  forecaster: string;
  baseline: string;
  options: RollingOptions;
  files: FileForecastReport[];
  /** Means over the files not set apart; key `0` pools every horizon. */
  overall: Map<number, { model: Scores; baseline: Scores; ratio: number }>;
  seconds: number;
}

function scaled(accuracy: Accuracy, scale: number): Scores {
  return {
    mase: accuracy.mae / scale,
    smape: accuracy.smape,
    coverage: accuracy.coverage,
    msis: accuracy.interval / scale,
  };
}

function scoresOf(result: ReturnType<typeof rollingOrigin>, scale: number): Map<number, Scores> {
  const out = new Map<number, Scores>([[0, scaled(result.all, scale)]]);
  for (const [h, accuracy] of result.byHorizon) out.set(h, scaled(accuracy, scale));
  return out;
}

export function evaluateFile(file: string, series: TimedValues, options: RollingOptions): FileForecastReport {
  const t0 = performance.now();
  const { values } = series;
  const stepMs = typicalStepMs(series.timestampsMs);
  const baseline = rollingOrigin(values, forecasters[BASELINE_FORECASTER](), { ...options, stepMs });
  // The same season for both, so the comparison is of methods, not of period detection.
  const model = rollingOrigin(values, forecasters[DEFAULT_FORECASTER](), {
    ...options,
    period: baseline.period,
  });
  const history = values.slice(0, firstOrigin(values.length, options.testFraction));
  const scale = naiveScale(history, baseline.period ?? 1);
  return {
    file,
    points: values.length,
    period: baseline.period,
    apart: scale === 0 || baseline.all.mae === 0,
    model: scoresOf(model, scale),
    baseline: scoresOf(baseline, scale),
    maeModel: model.all.mae,
    maeBaseline: baseline.all.mae,
    seconds: (performance.now() - t0) / 1000,
  };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function meanScores(all: Scores[], levels: readonly number[]): Scores {
  return {
    mase: mean(all.map((s) => s.mase)),
    smape: mean(all.map((s) => s.smape)),
    coverage: new Map(levels.map((level) => [level, mean(all.map((s) => s.coverage.get(level) ?? 0))])),
    msis: mean(all.map((s) => s.msis)),
  };
}

export function overall(
  files: readonly FileForecastReport[],
  options: RollingOptions,
): EvalForecastReport['overall'] {
  const counted = files.filter((f) => !f.apart);
  const out: EvalForecastReport['overall'] = new Map();
  for (const h of [0, ...options.horizons]) {
    const model = meanScores(
      counted.map((f) => f.model.get(h) as Scores),
      options.levels,
    );
    const baseline = meanScores(
      counted.map((f) => f.baseline.get(h) as Scores),
      options.levels,
    );
    out.set(h, { model, baseline, ratio: model.mase / baseline.mase });
  }
  return out;
}

export function runEvalForecast(
  dataDir: string,
  onProgress: (line: string) => void = () => {},
  options: RollingOptions = EVAL_FORECAST_DEFAULTS,
): EvalForecastReport {
  const started = performance.now();
  const series = readCorpusSeries(dataDir);
  const files = series.map(({ name, data }, k) => {
    const report = evaluateFile(name, data, options);
    const all = report.model.get(0) as Scores;
    onProgress(
      `[${k + 1}/${series.length}] ${name} ${report.points} points, MASE ${all.mase.toFixed(3)} ${report.seconds.toFixed(1)}s`,
    );
    return report;
  });
  return {
    forecaster: DEFAULT_FORECASTER,
    baseline: BASELINE_FORECASTER,
    options,
    files,
    overall: overall(files, options),
    seconds: (performance.now() - started) / 1000,
  };
}
