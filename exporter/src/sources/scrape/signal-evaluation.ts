/**
 * Each configured signal, computed from one scrape as the PromQL it stands for, one value
 * per service (the `by` label values joined with "/"):
 *
 *   rate                sum by (by) (rate(selector))
 *   ratio               sum by (by) (rate(numerator)) / sum by (by) (rate(denominator))
 *   gauge               <aggregate> by (by) (selector)
 *   histogram_quantile  histogram_quantile(q, sum by (by, le) (rate(selector_bucket)))
 *
 * A sample without one of the `by` labels belongs to no service and is left out: an
 * invented "unknown" service would be a series nobody asked for.
 */
import type { SignalConfig } from '../../config/schema.js';
import type { SeriesSample } from '../source.js';
import type { RatedSeries } from './counter-rates.js';
import { parseNumber } from './exposition-number.js';
import { histogramQuantile, type Bucket } from './histogram-quantile.js';
import type { ExpositionSample } from './sample.js';
import { matchesSelector, parseSelector, type LabelMatcher, type Selector } from './selector.js';

export interface EvaluationInput {
  nowMs: number;
  /** This scrape's samples: gauges are read from them. */
  samples: readonly ExpositionSample[];
  /** The counters' current rates: rate, ratio and histogram signals are read from them. */
  rates: readonly RatedSeries[];
}

export interface CompiledSignal {
  readonly name: string;
  /** The counters whose rates this signal needs, so only they are kept between scrapes. */
  readonly counters: readonly Selector[];
  /** One value per service; a service without enough data yet has none. */
  evaluate(input: EvaluationInput): Map<string, number>;
}

type Labels = Readonly<Record<string, string>>;

/** The service a series belongs to, or undefined when it lacks a `by` label. */
export function serviceOf(labels: Labels, by: readonly string[]): string | undefined {
  // One `by` label is the usual case, and this runs for every sample of every scrape.
  if (by.length === 1) return labels[by[0]!] || undefined;
  const values = by.map((label) => labels[label]);
  // An empty label value is an absent label in Prometheus.
  return values.every((value) => value !== undefined && value !== '') ? values.join('/') : undefined;
}

interface RateSum {
  sum: number;
  /** False while every selected series of the service is still waiting for its second point. */
  known: boolean;
}

function sumRatesBy(rates: readonly RatedSeries[], selector: Selector, by: readonly string[]) {
  const sums = new Map<string, RateSum>();
  for (const series of rates) {
    if (!matchesSelector(selector, series)) continue;
    const service = serviceOf(series.labels, by);
    if (service === undefined) continue;
    const entry = sums.get(service) ?? { sum: 0, known: false };
    if (series.rate !== undefined) {
      entry.sum += series.rate;
      entry.known = true;
    }
    sums.set(service, entry);
  }
  return sums;
}

function knownRates(sums: Map<string, RateSum>): Map<string, number> {
  const values = new Map<string, number>();
  for (const [service, { sum, known }] of sums) if (known) values.set(service, sum);
  return values;
}

// A service whose requests all succeeded may have no error series at all (clients create
// a labelled counter on its first increment): its ratio is 0, where PromQL would return
// nothing and leave an error-free service invisible. A numerator series that exists but
// has no rate yet leaves the ratio unknown instead.
function ratioBy(numerators: Map<string, RateSum>, denominators: Map<string, RateSum>) {
  const values = new Map<string, number>();
  for (const [service, denominator] of denominators) {
    if (!denominator.known || denominator.sum === 0) continue;
    const numerator = numerators.get(service) ?? { sum: 0, known: true };
    if (numerator.known) values.set(service, numerator.sum / denominator.sum);
  }
  return values;
}

/** How each aggregate folds one more value in; avg is a sum divided by the count at the end. */
const FOLDS = {
  sum: (total: number, value: number) => total + value,
  avg: (total: number, value: number) => total + value,
  min: (lowest: number, value: number) => Math.min(lowest, value),
  max: (highest: number, value: number) => Math.max(highest, value),
} satisfies Record<string, (folded: number, value: number) => number>;

/**
 * Folds values as they come rather than collecting an array per service: this runs over
 * every sample of every scrape, and the arrays were a large share of its garbage.
 */
function aggregateBy(
  samples: readonly ExpositionSample[],
  selector: Selector,
  by: readonly string[],
  aggregate: keyof typeof FOLDS,
): Map<string, number> {
  const fold = FOLDS[aggregate];
  const folded = new Map<string, number>();
  const counts = aggregate === 'avg' ? new Map<string, number>() : undefined;
  for (const sample of samples) {
    // The selector first: most of a target's samples belong to other metrics.
    if (!matchesSelector(selector, sample)) continue;
    const service = serviceOf(sample.labels, by);
    if (service === undefined) continue;
    const known = folded.get(service);
    folded.set(service, known === undefined ? sample.value : fold(known, sample.value));
    counts?.set(service, (counts.get(service) ?? 0) + 1);
  }
  if (counts) for (const [service, total] of folded) folded.set(service, total / counts.get(service)!);
  return folded;
}

/** The `_bucket` twin of a histogram's selector: every metric-name matcher gets the suffix. */
export function bucketSelector(selector: Selector): Selector {
  const suffixed = (matcher: LabelMatcher): LabelMatcher => {
    if (matcher.label !== '__name__') return matcher;
    if (matcher.op === '=' || matcher.op === '!=') return { ...matcher, value: `${matcher.value}_bucket` };
    const insensitive = matcher.value.startsWith('(?i)') ? '(?i)' : '';
    return { ...matcher, value: `${insensitive}(?:${matcher.value.slice(insensitive.length)})_bucket` };
  };
  const matchers = selector.matchers.map(suffixed);
  const named = matchers.some((matcher) => matcher.label === '__name__' && matcher.op === '=');
  if (!named) matchers.push({ label: '__name__', op: '=~', value: '.*_bucket' });
  return { text: `${selector.text} (_bucket series)`, matchers };
}

function quantileBy(rates: readonly RatedSeries[], selector: Selector, by: readonly string[], q: number) {
  const buckets = new Map<string, Map<number, number>>();
  for (const series of rates) {
    const service = serviceOf(series.labels, by);
    const upperBound = parseNumber(series.labels.le ?? '');
    if (service === undefined || upperBound === undefined || series.rate === undefined) continue;
    if (!matchesSelector(selector, series)) continue;
    const byBound = buckets.get(service) ?? new Map<number, number>();
    byBound.set(upperBound, (byBound.get(upperBound) ?? 0) + series.rate);
    buckets.set(service, byBound);
  }
  const values = new Map<string, number>();
  for (const [service, byBound] of buckets) {
    const list: Bucket[] = [...byBound].map(([upperBound, count]) => ({ upperBound, count }));
    const value = histogramQuantile(q, list);
    if (value !== undefined) values.set(service, value);
  }
  return values;
}

export function compileSignal(signal: SignalConfig): CompiledSignal {
  const { name, by } = signal;
  switch (signal.type) {
    case 'rate': {
      const selector = parseSelector(signal.selector);
      return {
        name,
        counters: [selector],
        evaluate: ({ rates }) => knownRates(sumRatesBy(rates, selector, by)),
      };
    }
    case 'ratio': {
      const numerator = parseSelector(signal.numerator);
      const denominator = parseSelector(signal.denominator);
      return {
        name,
        counters: [numerator, denominator],
        evaluate: ({ rates }) =>
          ratioBy(sumRatesBy(rates, numerator, by), sumRatesBy(rates, denominator, by)),
      };
    }
    case 'gauge': {
      const selector = parseSelector(signal.selector);
      return {
        name,
        counters: [],
        evaluate: ({ samples }) => aggregateBy(samples, selector, by, signal.aggregate),
      };
    }
    case 'histogram_quantile': {
      const buckets = bucketSelector(parseSelector(signal.selector));
      return {
        name,
        counters: [buckets],
        evaluate: ({ rates }) => quantileBy(rates, buckets, by, signal.quantile),
      };
    }
    case 'promql':
      // A PromQL expression needs a query engine: only `prometheus` sources evaluate it.
      return { name, counters: [], evaluate: () => new Map() };
  }
}

/** Every signal's values at `nowMs`, as the samples a source hands to the pipeline. */
export function evaluateSignals(signals: readonly CompiledSignal[], input: EvaluationInput): SeriesSample[] {
  const samples: SeriesSample[] = [];
  for (const signal of signals) {
    // forEach, not for…of: no [service, value] pair is made per service.
    signal.evaluate(input).forEach((value, service) => {
      samples.push({ signal: signal.name, service, timestampMs: input.nowMs, value });
    });
  }
  return samples;
}
