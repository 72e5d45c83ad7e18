/** Every source kind, listed in one map (explicit and greppable, no import side effects). */
import type { SignalConfig, SourceConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { ErrorEventStore, SampleStore } from '../store/store.js';
import { createPushSource } from './push/push-source.js';
import { createPrometheusBreakdown } from './prometheus/label-breakdown-query.js';
import { createPrometheusSource } from './prometheus/prometheus-source.js';
import { createScrapeSource } from './scrape/scrape-source.js';
import type { Source } from './source.js';

type SourceFactory<K extends SourceConfig['type']> = (
  config: Extract<SourceConfig, { type: K }>,
  signals: SignalConfig[],
  deps: SourceDeps,
) => Source;

/** The push source commits what it is sent before answering, so it writes to the store itself. */
interface SourceDeps {
  logger: Logger;
  store: SampleStore & ErrorEventStore;
  /** The pipeline interval: the prometheus source's default query step. */
  intervalMs?: number | undefined;
  /** `store.rawRetention`: pushes older than this are refused, as retention would delete them. */
  rawRetentionMs?: number | undefined;
  /** How far back label contrast looks (RCA's baseline and window): what a scrape source tallies. */
  contrastSpanMs?: number | undefined;
}

export const sourceFactories: { [K in SourceConfig['type']]: SourceFactory<K> } = {
  scrape: (config, signals, deps) => createScrapeSource(config, signals, deps),
  push: (config, signals, deps) =>
    createPushSource(config, signals, { ...deps, maxAgeMs: deps.rawRetentionMs }),
  // The breakdown reader asks the same server, for RCA only: it is not part of collecting.
  prometheus: (config, signals, deps) => ({
    ...createPrometheusSource(config, signals, deps),
    breakdown: createPrometheusBreakdown(config, signals),
  }),
};

/** Builds every configured source; each sees only the signals meant for it. */
export function createSources(
  sources: SourceConfig[],
  signals: SignalConfig[],
  logger: Logger,
  store: SourceDeps['store'],
  options: { intervalMs?: number; rawRetentionMs?: number; contrastSpanMs?: number } = {},
): Source[] {
  return sources.map((config) => {
    const mine = signals.filter((signal) => !signal.sources || signal.sources.includes(config.name));
    const factory = sourceFactories[config.type] as SourceFactory<typeof config.type>;
    return factory(config, mine, {
      logger: logger.child({ source: config.name }),
      store,
      intervalMs: options.intervalMs,
      rawRetentionMs: options.rawRetentionMs,
      contrastSpanMs: options.contrastSpanMs,
    });
  });
}
