/**
 * `omen eval breach`: on every file of a corpus, learn the threshold from the first 15% by
 * the production rule, fit the breach model on that same part, then walk the rest online,
 * saying P(breach within 12 steps) at every point before seeing the next. Scores are pooled
 * over files (Brier, skill, reliability) and summed over events (recall, false alarms).
 */
import { breachPredictor } from '../../models/prediction/breach-predictor.js';
import { fitBreach, step } from '../../models/prediction/breach-walk.js';
import { learnThreshold } from '../../models/prediction/threshold.js';
import { BREACH_ALERT_AT } from '../../models/prediction/alert.js';
import { DEFAULT_FORECASTER, forecasters } from '../../models/registry.js';
import { readCorpusSeries } from '../corpus-series.js';
import { typicalStepMs, type TimedValues } from '../timed-values.js';
import { tallyEvents, type EventTally } from './breach-events.js';
import type { Scored } from './breach-scores.js';

export interface EvalBreachOptions {
  horizon: number;
  learnFraction: number;
  leads: readonly number[];
  cutoff: number;
}

export const EVAL_BREACH_DEFAULTS: EvalBreachOptions = {
  horizon: 12,
  learnFraction: 0.15,
  leads: [0, 6, 12],
  cutoff: BREACH_ALERT_AT,
};

export interface FileBreachReport {
  file: string;
  threshold: number;
  points: Scored[];
  events: EventTally;
  days: number;
  seconds: number;
}

export function evaluateBreachFile(
  file: string,
  series: TimedValues,
  options: EvalBreachOptions,
): FileBreachReport {
  const t0 = performance.now();
  const { values, timestampsMs } = series;
  const learnEnd = Math.floor(values.length * options.learnFraction);
  const threshold = learnThreshold(values.slice(0, learnEnd));
  const forecaster = forecasters[DEFAULT_FORECASTER]();
  const predictor = breachPredictor();
  let walk = fitBreach(forecaster, predictor, values.slice(0, learnEnd), {
    threshold,
    horizons: [options.horizon],
    stepMs: typicalStepMs(timestampsMs),
  });
  const probability = new Array<number>(values.length).fill(NaN);
  const points: Scored[] = [];
  probability[learnEnd - 1] = walk.prediction.probability[0] as number;
  for (let t = learnEnd; t < values.length; t += 1) {
    walk = step(forecaster, predictor, walk, values[t] as number);
    probability[t] = walk.prediction.probability[0] as number;
  }
  for (let t = learnEnd - 1; t + options.horizon < values.length; t += 1) {
    const ahead = values.slice(t + 1, t + 1 + options.horizon);
    points.push({ probability: probability[t] as number, breached: ahead.some((v) => v > threshold) });
  }
  const events = tallyEvents(
    { values, probability, threshold, horizon: options.horizon },
    options.cutoff,
    options.leads,
  );
  const days = ((timestampsMs.at(-1) as number) - (timestampsMs[learnEnd - 1] as number)) / 86_400_000;
  return { file, threshold, points, events, days, seconds: (performance.now() - t0) / 1000 };
}

export interface EvalBreachReport {
  forecaster: string;
  options: EvalBreachOptions;
  files: FileBreachReport[];
  seconds: number;
}

export function runEvalBreach(
  dataDir: string,
  onProgress: (line: string) => void = () => {},
  options: EvalBreachOptions = EVAL_BREACH_DEFAULTS,
): EvalBreachReport {
  const started = performance.now();
  const series = readCorpusSeries(dataDir);
  const files = series.map(({ name, data }, k) => {
    const report = evaluateBreachFile(name, data, options);
    onProgress(
      `[${k + 1}/${series.length}] ${name} ${data.values.length} points, ${report.events.events} breaches ${report.seconds.toFixed(1)}s`,
    );
    return report;
  });
  return { forecaster: DEFAULT_FORECASTER, options, files, seconds: (performance.now() - started) / 1000 };
}
