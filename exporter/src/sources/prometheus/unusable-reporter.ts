/**
 * Counts what a collect could not use (non-finite values, series missing a `by` label,
 * several series for one service) and logs it loudly when it starts, quietly while it
 * goes on — so a query that does not aggregate by the `by` labels is noticed, not spammed.
 */
import type { Logger } from '../../log/logger.js';
import type { ParsedResult } from './parse-result.js';

interface Counts {
  badValues: number;
  unlabelled: number;
  duplicates: number;
}

export class UnusableReporter {
  private current = new Map<string, Counts>();
  private previousTotal = 0;

  constructor(private readonly logger: Logger | undefined) {}

  start(): void {
    this.current = new Map();
  }

  add(signal: string, parsed: ParsedResult): void {
    const counts = this.current.get(signal) ?? { badValues: 0, unlabelled: 0, duplicates: 0 };
    counts.badValues += parsed.badValues;
    counts.unlabelled += parsed.unlabelled;
    counts.duplicates += parsed.duplicates;
    this.current.set(signal, counts);
  }

  /** The collect's total, logged; becomes its `parseErrors`. */
  finish(): number {
    let total = 0;
    const bySignal: Record<string, Counts> = {};
    for (const [signal, counts] of this.current) {
      const sum = counts.badValues + counts.unlabelled + counts.duplicates;
      if (sum > 0) bySignal[signal] = counts;
      total += sum;
    }
    if (total > 0 && this.logger) {
      const level = this.previousTotal === 0 ? 'warn' : 'debug';
      this.logger[level](
        { parseErrors: total, bySignal },
        'unusable query results: non-finite values, or series not aggregated by the signal’s `by` labels',
      );
    }
    this.previousTotal = total;
    return total;
  }
}
