/**
 * Checks that span several keys, which a per-key schema cannot express: names unique,
 * references resolvable, selectors parseable, secret files readable.
 */
import { accessSync, constants } from 'node:fs';
import type { OmenConfig } from './schema.js';
import { parseSelector } from '../sources/scrape/selector.js';
import { formatPath } from './errors.js';
import { parseDuration } from './duration.js';

function duplicates(names: string[]): string[] {
  return names.filter((name, index) => names.indexOf(name) !== index);
}

function selectorProblems(config: OmenConfig): string[] {
  const problems: string[] = [];
  config.signals.forEach((signal, index) => {
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

export function checkConsistency(config: OmenConfig): string[] {
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
  config.sources.forEach((source, index) => {
    if (!source.bearerTokenFile) return;
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
    if (parseDuration(source.rateWindow) <= intervalMs) {
      problems.push(
        `${formatPath(['sources', index, 'rateWindow'])}: must be longer than pipeline.interval (${config.pipeline.interval}), or counters never get a rate`,
      );
    }
  });
  const { low, medium, high, critical } = config.anomaly.severities;
  if (!(low <= medium && medium <= high && high <= critical)) {
    problems.push('anomaly.severities: expected low ≤ medium ≤ high ≤ critical');
  }
  return [...problems, ...selectorProblems(config)];
}
