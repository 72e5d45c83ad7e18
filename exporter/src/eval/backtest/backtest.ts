/**
 * "Would have alerted": one series' history replayed through the production forecaster and
 * breach model, online — each point's P(breach within the horizon) said before the next point
 * is seen — and through the shipped alert rules' timings. Each time the plain threshold alert
 * fires is set against when the predicted-breach alert fired before it; predicted alerts
 * with no breach within the horizon are false alarms.
 */
import { breachPredictor } from '../../models/prediction/breach-predictor.js';
import { fitBreach, step } from '../../models/prediction/breach-walk.js';
import { learnThreshold, MIN_THRESHOLD_POINTS } from '../../models/prediction/threshold.js';
import { predictedRuleFor, THRESHOLD_RULE, type PredictedRule } from '../../models/prediction/alert.js';
import type { Forecaster } from '../../models/forecast/forecaster.js';
import { DEFAULT_FORECASTER, forecasters } from '../../models/registry.js';
import { NabInputError } from '../nab/errors.js';
import { typicalStepMs, type TimedValues } from '../timed-values.js';
import { replayPredicted, replayThreshold } from './rule-replay.js';

export interface BacktestOptions {
  /** Breach horizon, in steps of the series. */
  horizonSteps: number;
  /** Share of the history the model (and a learned threshold) is fitted on before the replay. */
  learnFraction: number;
  /** The SLO; undefined learns it from the learning part by the production rule. */
  threshold?: number | undefined;
}

export const BACKTEST_DEFAULTS: BacktestOptions = { horizonSteps: 12, learnFraction: 0.15 };

/** One time the threshold alert fired, and what the predicted alert did before it. */
export interface BreachEpisode {
  /** First value over the threshold. */
  breachedAtMs: number;
  thresholdAlertAtMs: number;
  /**
   * When the predicted alert was first firing, from one horizon before the breach until just
   * before the threshold alert fired (firing with it warns nobody); null: missed.
   */
  predictedAtMs: number | null;
}

export interface BacktestResult {
  forecaster: string;
  rule: PredictedRule;
  threshold: number;
  thresholdLearned: boolean;
  stepMs: number;
  horizonMs: number;
  replayFromMs: number;
  replayToMs: number;
  episodes: BreachEpisode[];
  /** Onsets of the predicted alert with no breach within the horizon after (judged ones only). */
  falseAlarmsAtMs: number[];
}

export function backtestSeries(series: TimedValues, options: BacktestOptions): BacktestResult {
  const { timestampsMs: times, values } = series;
  const stepMs = typicalStepMs(times);
  const learnEnd = Math.floor(values.length * options.learnFraction);
  const forecaster = forecasters[DEFAULT_FORECASTER]();
  if (stepMs === undefined || learnEnd < Math.max(MIN_THRESHOLD_POINTS, forecaster.minPoints * 2)) {
    throw new NabInputError(
      `too little history: ${values.length} points leave ${learnEnd} to learn from ` +
        `(needs ${Math.max(MIN_THRESHOLD_POINTS, forecaster.minPoints * 2)}; give more history or a larger --learn)`,
    );
  }
  const threshold = options.threshold ?? learnThreshold(values.slice(0, learnEnd));
  const probability = walkProbabilities(
    forecaster,
    series,
    learnEnd,
    threshold,
    options.horizonSteps,
    stepMs,
  );
  const horizonMs = options.horizonSteps * stepMs;
  const rule = predictedRuleFor(horizonMs);
  const replayTimes = times.slice(learnEnd);
  const replayValues = values.slice(learnEnd);
  const predicted = replayPredicted(replayTimes, probability.slice(learnEnd), rule);
  const paged = replayThreshold(replayTimes, replayValues, threshold, THRESHOLD_RULE);
  return {
    forecaster: DEFAULT_FORECASTER,
    rule,
    threshold,
    thresholdLearned: options.threshold === undefined,
    stepMs,
    horizonMs,
    replayFromMs: replayTimes[0] as number,
    replayToMs: replayTimes.at(-1) as number,
    episodes: episodesOf(replayTimes, replayValues, threshold, paged, predicted, horizonMs),
    falseAlarmsAtMs: falseAlarms(replayTimes, replayValues, threshold, predicted, horizonMs),
  };
}

/** P(breach within the horizon) said at each point, from what came before and at it. */
function walkProbabilities(
  forecaster: Forecaster,
  { timestampsMs, values }: TimedValues,
  learnEnd: number,
  threshold: number,
  horizonSteps: number,
  stepMs: number,
): number[] {
  const predictor = breachPredictor();
  let walk = fitBreach(forecaster, predictor, values.slice(0, learnEnd), {
    threshold,
    horizons: [horizonSteps],
    stepMs,
  });
  const probability = new Array<number>(timestampsMs.length).fill(NaN);
  for (let t = learnEnd; t < values.length; t += 1) {
    walk = step(forecaster, predictor, walk, values[t] as number);
    // Withheld while the horizon's intervals warm, as the exporter withholds the gauge.
    probability[t] = forecaster.warmingAt(walk.forecast, horizonSteps)
      ? NaN
      : (walk.prediction.probability[0] as number);
  }
  return probability;
}

function episodesOf(
  times: readonly number[],
  values: readonly number[],
  threshold: number,
  paged: readonly boolean[],
  predicted: readonly boolean[],
  horizonMs: number,
): BreachEpisode[] {
  const episodes: BreachEpisode[] = [];
  for (let i = 0; i < times.length; i += 1) {
    if (!paged[i] || (i > 0 && paged[i - 1])) continue;
    let breach = i;
    while (breach > 0 && (values[breach - 1] as number) > threshold) breach -= 1;
    const breachedAtMs = times[breach] as number;
    let predictedAtMs: number | null = null;
    for (let k = 0; k < i && predictedAtMs === null; k += 1) {
      if (predicted[k] && (times[k] as number) >= breachedAtMs - horizonMs)
        predictedAtMs = times[k] as number;
    }
    episodes.push({ breachedAtMs, thresholdAlertAtMs: times[i] as number, predictedAtMs });
  }
  return episodes;
}

function falseAlarms(
  times: readonly number[],
  values: readonly number[],
  threshold: number,
  predicted: readonly boolean[],
  horizonMs: number,
): number[] {
  const onsets: number[] = [];
  for (let i = 0; i < times.length; i += 1) {
    if (!predicted[i] || (i > 0 && predicted[i - 1])) continue;
    const until = (times[i] as number) + horizonMs;
    // The data ends before the horizon does: nobody can say yet whether it was false.
    if (until > (times.at(-1) as number)) break;
    let breached = false;
    for (let k = i; k < times.length && (times[k] as number) <= until && !breached; k += 1) {
      breached = (values[k] as number) > threshold;
    }
    if (!breached) onsets.push(times[i] as number);
  }
  return onsets;
}
