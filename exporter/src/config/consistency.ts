/**
 * Checks that span several keys, which a per-key schema cannot express: names unique,
 * references resolvable, selectors parseable, secret files readable.
 */
import { accessSync, constants } from 'node:fs';
import type { OmenConfig } from './schema.js';
import { parseSelector } from '../sources/scrape/selector.js';
import { prometheusSourceProblems } from '../sources/prometheus/config-checks.js';
import { actionProblems } from './actions-checks.js';
import { rcaProblems } from './rca-checks.js';
import { formatPath } from './errors.js';
import { parseDuration } from './duration.js';

function duplicates(names: string[]): string[] {
  return names.filter((name, index) => names.indexOf(name) !== index);
}

function selectorProblems(config: OmenConfig): string[] {
  const problems: string[] = [];
  config.signals.forEach((signal, index) => {
    if (signal.type === 'promql') return; // PromQL is checked by the server that runs it
    const selectors =
      signal.type === 'ratio'
        ? { numerator: signal.numerator, denominator: signal.denominator }
        : { selector: signal.selector };
    for (const [key, text] of Object.entries(selectors)) {
      try {
        parseSelector(text);
      } catch (error) {
        problems.push(`${formatPath(['signals', index, key])}: ${(error as Error).message}`);
      }
    }
  });
  return problems;
}

/** `env` is where `auth.tokens[].env` variables are looked up (injected, like OMEN_PORT). */
export function checkConsistency(config: OmenConfig, env: NodeJS.ProcessEnv = {}): string[] {
  const problems: string[] = [];
  const sourceNames = config.sources.map((source) => source.name);
  for (const name of new Set(duplicates(sourceNames)))
    problems.push(`sources: the name "${name}" is used twice`);
  for (const name of new Set(duplicates(config.signals.map((signal) => signal.name)))) {
    problems.push(`signals: the name "${name}" is used twice`);
  }
  config.signals.forEach((signal, index) => {
    for (const source of signal.sources ?? []) {
      if (!sourceNames.includes(source)) {
        problems.push(`${formatPath(['signals', index, 'sources'])}: no source is named "${source}"`);
      }
    }
  });
  config.signals.forEach((signal, index) => {
    // A service label has one value per series: contrasting by it would contrast nothing.
    const clash =
      'contrastBy' in signal ? signal.contrastBy.find((label) => signal.by.includes(label)) : undefined;
    if (clash !== undefined) {
      problems.push(
        `${formatPath(['signals', index, 'contrastBy'])}: "${clash}" is one of the signal's \`by\` labels; contrast by labels within a service`,
      );
    }
  });
  config.sources.forEach((source, index) => {
    if (source.type !== 'scrape' || !source.bearerTokenFile) return;
    try {
      accessSync(source.bearerTokenFile, constants.R_OK);
    } catch {
      problems.push(
        `${formatPath(['sources', index, 'bearerTokenFile'])}: cannot read "${source.bearerTokenFile}"`,
      );
    }
  });
  const intervalMs = parseDuration(config.pipeline.interval);
  config.sources.forEach((source, index) => {
    // A rate needs two scrapes inside the window, one scrape per cycle.
    if (source.type === 'scrape' && parseDuration(source.rateWindow) <= intervalMs) {
      problems.push(
        `${formatPath(['sources', index, 'rateWindow'])}: must be longer than pipeline.interval (${config.pipeline.interval}), or counters never get a rate`,
      );
    }
  });
  if (parseDuration(config.store.rawRetention) > parseDuration(config.store.retention)) {
    problems.push(
      `store.rawRetention: must not exceed store.retention (${config.store.retention}); rollups are made from raw samples`,
    );
  }
  const { low, medium, high, critical } = config.anomaly.severities;
  if (!(low <= medium && medium <= high && high <= critical)) {
    problems.push('anomaly.severities: expected low ≤ medium ≤ high ≤ critical');
  }
  return [
    ...problems,
    ...selectorProblems(config),
    ...pushSourceProblems(config),
    ...authTokenProblems(config, env),
    ...prometheusSourceProblems(config),
    ...forecastProblems(config),
    ...actionProblems(config, env),
    ...rcaProblems(config),
  ];
}

/** Longest horizon, in steps, a forecast may reach: each cycle predicts that far for every series. */
export const MAX_HORIZON_STEPS = 2000;

function forecastProblems(config: OmenConfig): string[] {
  const { forecast } = config;
  const problems: string[] = [];
  const stepMs = parseDuration(forecast.step);
  forecast.horizons.forEach((horizon, index) => {
    const steps = parseDuration(horizon) / stepMs;
    if (steps < 1)
      problems.push(
        `${formatPath(['forecast', 'horizons', index])}: must be at least forecast.step (${forecast.step})`,
      );
    else if (steps > MAX_HORIZON_STEPS)
      problems.push(
        `${formatPath(['forecast', 'horizons', index])}: is ${Math.round(steps)} steps of ${forecast.step}; at most ${MAX_HORIZON_STEPS} (raise forecast.step)`,
      );
  });
  if (forecast.minSteps > forecast.history)
    problems.push(`forecast.minSteps: must not exceed forecast.history (${forecast.history})`);
  if (stepMs * forecast.history > parseDuration(config.store.rawRetention))
    problems.push(
      `forecast.history: ${forecast.history} steps of ${forecast.step} reach past store.rawRetention (${config.store.rawRetention}); fits read raw samples`,
    );
  return problems;
}

/** One push source takes /api/v1/ingest; its error-rate signal must not shadow a configured one. */
function pushSourceProblems(config: OmenConfig): string[] {
  const problems: string[] = [];
  const pushIndexes = config.sources.flatMap((source, index) => (source.type === 'push' ? [index] : []));
  if (pushIndexes.length > 1) {
    problems.push(
      `${formatPath(['sources', pushIndexes[1]!])}: only one push source may be configured (it serves POST /api/v1/ingest)`,
    );
  }
  const signalNames = config.signals.map((signal) => signal.name);
  for (const index of pushIndexes) {
    const source = config.sources[index]!;
    if (source.type === 'push' && signalNames.includes(source.signal)) {
      problems.push(
        `${formatPath(['sources', index, 'signal'])}: "${source.signal}" is already a configured signal; name the error-rate signal differently`,
      );
    }
  }
  return problems;
}

/** Tokens are read at start-up; a missing one is a config error, never an open API. */
function authTokenProblems(config: OmenConfig, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  config.auth.tokens.forEach((token, index) => {
    if (token.env !== undefined && !env[token.env]) {
      problems.push(
        `${formatPath(['auth', 'tokens', index, 'env'])}: the environment variable ${token.env} is not set or empty`,
      );
    }
    if (token.file === undefined) return;
    try {
      accessSync(token.file, constants.R_OK);
    } catch {
      problems.push(`${formatPath(['auth', 'tokens', index, 'file'])}: cannot read "${token.file}"`);
    }
  });
  return problems;
}
