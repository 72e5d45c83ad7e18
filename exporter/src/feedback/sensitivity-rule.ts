/**
 * The false-positive rule: operator feedback lowers a series' sensitivity for a while.
 *
 * Scores are tail probabilities (DESIGN Decision 5), so `1 − activeAt` is the share of
 * normal points allowed to alarm. Each false positive on the series within `lookback`,
 * counted since its latest true positive, divides that allowance by `factor`, at most
 * `maxSteps` times: with activeAt 0.995 and factor 10, one false positive raises the bar
 * to 0.9995, two to 0.99995. A true positive resets the count (the alarms were real), and
 * as false positives age past `lookback` the bar falls back on its own.
 */
import type { Verdict } from '../store/store.js';

export interface SensitivityRule {
  lookbackMs: number;
  factor: number;
  maxSteps: number;
}

export interface TimedVerdict {
  verdict: Verdict;
  atMs: number;
}

/** Counted false positives: those inside the lookback, after the latest true positive. */
export function countedFalsePositives(
  verdicts: readonly TimedVerdict[],
  nowMs: number,
  rule: SensitivityRule,
): number {
  let count = 0;
  const fromMs = nowMs - rule.lookbackMs;
  const ordered = [...verdicts].sort((a, b) => a.atMs - b.atMs);
  for (const { verdict, atMs } of ordered) {
    if (atMs < fromMs || atMs > nowMs) continue;
    count = verdict === 'true_positive' ? 0 : count + 1;
  }
  return Math.min(count, rule.maxSteps);
}

/** The score the series must reach to be active. */
export function activeBar(
  baseActiveAt: number,
  verdicts: readonly TimedVerdict[],
  nowMs: number,
  rule: SensitivityRule,
): number {
  const steps = countedFalsePositives(verdicts, nowMs, rule);
  return 1 - (1 - baseActiveAt) / rule.factor ** steps;
}
