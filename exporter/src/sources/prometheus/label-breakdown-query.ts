/**
 * A signal's events by label value, read from the Prometheus a `prometheus` source already
 * queries, for RCA's label contrast: per `contrastBy` label, the increase of the signal's
 * (bad) events counter over the incident window and over the baseline window, each one
 * instant query at the window's end; for a ratio signal also the all-events counter over
 * both windows, so the errors expected during the incident follow where the traffic went
 * (for the labels the bad-events selector does not itself pick on).
 *
 *   sum by (<by>, <label>) (increase(<selector, narrowed to the service>[<window>s]))
 *
 * Same HTTP client, credentials, TLS settings and timeout as the source.
 */
import type { PrometheusSourceConfig, SignalConfig } from '../../config/schema.js';
import type { LabelBreakdown } from '../../models/rca/label-contrast.js';
import type { TimeRange } from '../../store/store.js';
import { trafficInforms, valueCounts, type BreakdownReader, type BreakdownRequest } from '../breakdown.js';
import { serviceOf } from '../scrape/signal-evaluation.js';
import { parseSelector, type LabelMatcher } from '../scrape/selector.js';
import { finite, ResultShapeError, seriesOf } from './parse-result.js';
import { httpOptionsFor } from './prometheus-source.js';
import { renderSelector } from './promql.js';
import { createQueryApi, type Poster, type QueryApi } from './query-api.js';

type Counted = Extract<SignalConfig, { type: 'rate' | 'ratio' }>;

interface Contrasted {
  by: readonly string[];
  labels: readonly string[];
  /** The counter of the events whose shares are contrasted. */
  events: string;
  /** The counter whose baseline shares are the prior (ratio signals: all events). */
  traffic: string | undefined;
}

const seconds = (range: TimeRange) => Math.max(1, Math.round((range.toMs - range.fromMs) / 1000));

/**
 * The query of one label over one window. The selector is narrowed to the service when
 * its name splits back into its `by` values; a value holding "/" cannot be split, and the
 * answer is then filtered by service alone.
 */
export function increaseBy(
  selectorText: string,
  signal: Pick<Contrasted, 'by'>,
  label: string,
  service: string,
  range: TimeRange,
): string {
  const selector = parseSelector(selectorText);
  const parts = service.split('/');
  const narrowed: LabelMatcher[] =
    parts.length === signal.by.length
      ? signal.by.map((name, i) => ({ label: name, op: '=', value: parts[i]! }))
      : [];
  const rendered = renderSelector({ ...selector, matchers: [...selector.matchers, ...narrowed] });
  return `sum by (${[...signal.by, label].join(', ')}) (increase(${rendered}[${seconds(range)}s]))`;
}

/** The service's events per value of `label` in an instant vector (a missing label is ""). */
export function parseBreakdown(
  data: unknown,
  by: readonly string[],
  label: string,
  service: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { metric, pairs } of seriesOf(data)) {
    const [pair] = pairs;
    if (!Array.isArray(pair) || typeof pair[1] !== 'string') throw new ResultShapeError('malformed sample');
    const count = finite(pair[1]);
    if (count === undefined || serviceOf(metric, by) !== service) continue;
    const value = metric[label] ?? '';
    counts.set(value, (counts.get(value) ?? 0) + count);
  }
  return counts;
}

function contrasted(signal: SignalConfig): Contrasted | undefined {
  if (signal.type !== 'rate' && signal.type !== 'ratio') return undefined;
  const counted: Counted = signal;
  if (counted.contrastBy.length === 0) return undefined;
  return counted.type === 'ratio'
    ? { by: counted.by, labels: counted.contrastBy, events: counted.numerator, traffic: counted.denominator }
    : { by: counted.by, labels: counted.contrastBy, events: counted.selector, traffic: undefined };
}

async function readLabel(
  api: QueryApi,
  signal: Contrasted,
  label: string,
  request: BreakdownRequest,
): Promise<LabelBreakdown> {
  const { service, incident, baseline, abort } = request;
  const count = async (selector: string, range: TimeRange) =>
    parseBreakdown(
      await api.query(increaseBy(selector, signal, label, service, range), range.toMs, abort),
      signal.by,
      label,
      service,
    );
  const traffic = trafficInforms(parseSelector(signal.events), label) ? signal.traffic : undefined;
  const [during, before, trafficCounts] = await Promise.all([
    count(signal.events, incident),
    count(signal.events, baseline),
    traffic === undefined
      ? undefined
      : Promise.all([count(traffic, baseline), count(traffic, incident)]).then(([b, i]) => ({
          baseline: b,
          incident: i,
        })),
  ]);
  return { label, values: valueCounts(during, before, trafficCounts) };
}

export function createPrometheusBreakdown(
  source: PrometheusSourceConfig,
  signals: readonly SignalConfig[],
  deps: { env?: NodeJS.ProcessEnv; post?: Poster } = {},
): BreakdownReader {
  const api = createQueryApi(source.url, httpOptionsFor(source, deps.env ?? process.env), deps.post);
  const bySignal = new Map<string, Contrasted>();
  for (const signal of signals) {
    const found = contrasted(signal);
    if (found && (!signal.sources || signal.sources.includes(source.name))) bySignal.set(signal.name, found);
  }
  return {
    source: source.name,
    async read(request) {
      const signal = bySignal.get(request.signal);
      if (!signal) return [];
      return Promise.all(signal.labels.map((label) => readLabel(api, signal, label, request)));
    },
  };
}
