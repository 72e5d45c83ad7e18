/**
 * The `scrape` source: reads one target's /metrics, like a Prometheus scrape, and turns
 * it into Omen's series. Each collect is one story: fetch → parse → remember the counters
 * → compute every signal for every service.
 *
 * A target that cannot be scraped throws (the pipeline turns that into
 * `omen_source_up{source}=0`); a scrape with bad lines still delivers its good ones and
 * counts the bad ones as parse errors.
 */
import { parseDuration } from '../../config/duration.js';
import type { ScrapeSourceConfig, SignalConfig } from '../../config/schema.js';
import type { Logger } from '../../log/logger.js';
import type { CollectContext, CollectResult, Source } from '../source.js';
import { CounterRates } from './counter-rates.js';
import { parseExposition, type LineError } from './exposition-parser.js';
import { DEFAULT_TALLY_OPTIONS, LabelTallies } from './label-tallies.js';
import { fetchExposition, type FetchedExposition, type ScrapeTarget } from './http-fetch.js';
import type { ExpositionSample } from './sample.js';
import { matchesSelector, type Selector } from './selector.js';
import { compileSignal, evaluateSignals } from './signal-evaluation.js';

export interface ScrapeSourceDeps {
  logger?: Logger;
  /** Tallies by label value for label contrast, fed the counters of each scrape. */
  tallies?: LabelTallies;
  /** How long the tallies are kept (default: DEFAULT_TALLY_OPTIONS.keepMs). */
  contrastSpanMs?: number | undefined;
}

const LOGGED_ERRORS = 5;

/** A wrong content type costs one error; the body is still read as the text format. */
function contentTypeError({ format, contentType }: FetchedExposition): LineError[] {
  if (format !== undefined) return [];
  const sent = contentType === '' ? 'none' : `"${contentType}"`;
  return [{ line: 0, reason: `unexpected content type ${sent}; read as the Prometheus text format` }];
}

function selectedBy(selectors: readonly Selector[]) {
  return (sample: ExpositionSample) => selectors.some((selector) => matchesSelector(selector, sample));
}

/** Logs the details of bad lines loudly when they start and quietly while they go on. */
function errorReporter(logger: Logger | undefined) {
  let previousCount = 0;
  return (errors: LineError[], count: number) => {
    if (logger && count > 0) {
      const level = previousCount === 0 ? 'warn' : 'debug';
      logger[level](
        { parseErrors: count, first: errors.slice(0, LOGGED_ERRORS) },
        'scrape has unusable lines',
      );
    }
    previousCount = count;
  };
}

/**
 * Everything a scrape does after the fetch: parse → remember the counters → compute every
 * signal for every service. Split from the HTTP fetch so the ingest bench measures exactly
 * this path without a network in between.
 */
export function createExpositionReader(
  config: Pick<ScrapeSourceConfig, 'name' | 'rateWindow'>,
  signals: SignalConfig[],
  deps: ScrapeSourceDeps = {},
): (fetched: FetchedExposition, nowMs: number) => CollectResult {
  const compiled = signals
    .filter((signal) => !signal.sources || signal.sources.includes(config.name))
    .map(compileSignal);
  // Only the counters some signal reads are remembered between scrapes, not the whole target.
  const isTrackedCounter = selectedBy(compiled.flatMap((signal) => signal.counters));
  const counters = new CounterRates(parseDuration(config.rateWindow));
  const reportErrors = errorReporter(deps.logger);
  return (fetched, nowMs) => {
    const parsed = parseExposition(fetched.body, { format: fetched.format ?? 'text' });
    const typeErrors = contentTypeError(fetched);
    const tracked = parsed.samples.filter(isTrackedCounter);
    counters.observe(tracked, nowMs);
    deps.tallies?.observe(tracked, nowMs);
    const samples = evaluateSignals(compiled, { nowMs, samples: parsed.samples, rates: counters.rates() });
    const parseErrors = parsed.errorCount + typeErrors.length;
    reportErrors([...typeErrors, ...parsed.errors], parseErrors);
    return { samples, parseErrors };
  };
}

export function createScrapeSource(
  config: ScrapeSourceConfig,
  signals: SignalConfig[],
  deps: ScrapeSourceDeps = {},
): Source {
  const target: ScrapeTarget = {
    url: config.url,
    timeoutMs: parseDuration(config.timeout),
    maxBodyBytes: config.maxBodyBytes,
    bearerTokenFile: config.bearerTokenFile,
  };
  const mine = signals.filter((signal) => !signal.sources || signal.sources.includes(config.name));
  const tallies = new LabelTallies(config.name, mine, {
    ...DEFAULT_TALLY_OPTIONS,
    keepMs: deps.contrastSpanMs ?? DEFAULT_TALLY_OPTIONS.keepMs,
  });
  const read = createExpositionReader(config, signals, tallies.empty ? deps : { ...deps, tallies });
  return {
    name: config.name,
    kind: 'scrape',
    ...(tallies.empty ? {} : { breakdown: tallies }),
    async collect({ nowMs, abort }: CollectContext): Promise<CollectResult> {
      return read(await fetchExposition(target, abort), nowMs);
    },
  };
}
