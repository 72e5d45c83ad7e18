/** Every source kind, listed in one map (explicit and greppable, no import side effects). */
import type { SignalConfig, SourceConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { createScrapeSource } from './scrape/scrape-source.js';
import type { Source } from './source.js';

type SourceFactory<K extends SourceConfig['type']> = (
  config: Extract<SourceConfig, { type: K }>,
  signals: SignalConfig[],
  deps: { logger: Logger },
) => Source;

export const sourceFactories: { [K in SourceConfig['type']]: SourceFactory<K> } = {
  scrape: (config, signals, deps) => createScrapeSource(config, signals, deps),
};

/** Builds every configured source; each sees only the signals meant for it. */
export function createSources(sources: SourceConfig[], signals: SignalConfig[], logger: Logger): Source[] {
  return sources.map((config) => {
    const mine = signals.filter((signal) => !signal.sources || signal.sources.includes(config.name));
    const factory = sourceFactories[config.type] as SourceFactory<typeof config.type>;
    return factory(config, mine, { logger: logger.child({ source: config.name }) });
  });
}
