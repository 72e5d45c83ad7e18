/**
 * Every signal as the PromQL a query API evaluates, so one signal config works with either
 * source: the `scrape` source computes the same expressions itself from one target's
 * exposition (see `scrape/signal-evaluation.ts`), this file hands them to Prometheus.
 *
 *   rate                sum by (by) (rate(selector[W]))
 *   ratio               (sum by (by) (rate(num[W])) or 0 * den) / (sum by (by) (rate(den[W])) > 0)
 *   gauge               <aggregate> by (by) (selector)
 *   histogram_quantile  histogram_quantile(q, sum by (by, le) (rate(selector_bucket[W])))
 *   promql              the configured query, as written
 */
import type { SignalConfig } from '../../config/schema.js';
import { bucketSelector } from '../scrape/signal-evaluation.js';
import { parseSelector, type LabelMatcher, type Selector } from '../scrape/selector.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

// JSON's string escapes are a subset of Go's, which PromQL string literals use.
const quoted = (value: string) => JSON.stringify(value);

/** A parsed selector written back as PromQL, the metric name in front when it is exact. */
export function renderSelector(selector: Selector): string {
  const named = selector.matchers.find(
    (matcher) => matcher.label === '__name__' && matcher.op === '=' && METRIC_NAME.test(matcher.value),
  );
  const rest = selector.matchers.filter((matcher) => matcher !== named);
  const inner = rest.map((matcher: LabelMatcher) => `${matcher.label}${matcher.op}${quoted(matcher.value)}`);
  if (named && inner.length === 0) return named.value;
  return `${named?.value ?? ''}{${inner.join(',')}}`;
}

const ratesBy = (selector: string, by: string, window: string) =>
  `sum by (${by}) (rate(${selector}[${window}]))`;

/** The PromQL of one signal; `rateWindow` is the `W` of every rate(). */
export function signalQuery(signal: SignalConfig, rateWindow: string): string {
  const by = signal.by.join(', ');
  switch (signal.type) {
    case 'promql':
      return signal.query;
    case 'rate':
      return ratesBy(renderSelector(parseSelector(signal.selector)), by, rateWindow);
    case 'ratio': {
      const numerator = ratesBy(renderSelector(parseSelector(signal.numerator)), by, rateWindow);
      const denominator = ratesBy(renderSelector(parseSelector(signal.denominator)), by, rateWindow);
      // Like the scrape source: a service with traffic but no error series yet has a ratio
      // of 0 (`or 0 * den`), and a service without traffic has none (`> 0`, not NaN).
      return `(${numerator} or 0 * ${denominator}) / (${denominator} > 0)`;
    }
    case 'gauge':
      return `${signal.aggregate} by (${by}) (${renderSelector(parseSelector(signal.selector))})`;
    case 'histogram_quantile': {
      const buckets = renderSelector(bucketSelector(parseSelector(signal.selector)));
      return `histogram_quantile(${signal.quantile}, sum by (${by}, le) (rate(${buckets}[${rateWindow}])))`;
    }
  }
}
