/**
 * Collects from every source at once, each isolated: one failing source becomes
 * `omen_source_up{source}=0` and a log line, and the others' samples still go on.
 */
import type { Logger } from '../log/logger.js';
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { CollectContext, SeriesSample, Source } from '../sources/source.js';

export interface SourceHealth {
  up: boolean;
  lastError: string | undefined;
  lastSuccessMs: number | undefined;
}

/** A cycle's samples: `fresh` ones still to be written, and ones a source already committed. */
export interface Collected {
  fresh: SeriesSample[];
  committed: SeriesSample[];
}

export async function collectAll(
  sources: readonly Source[],
  context: CollectContext,
  deps: { self: SelfMetrics; logger: Logger; health: Map<string, SourceHealth> },
): Promise<Collected> {
  const results = await Promise.all(sources.map((source) => collectOne(source, context, deps)));
  return {
    fresh: results.flatMap((result) => result.fresh),
    committed: results.flatMap((result) => result.committed),
  };
}

async function collectOne(
  source: Source,
  context: CollectContext,
  { self, logger, health }: { self: SelfMetrics; logger: Logger; health: Map<string, SourceHealth> },
): Promise<Collected> {
  const labels = { source: source.name };
  const started = performance.now();
  const previous = health.get(source.name);
  try {
    const result = await source.collect(context);
    self.sourceUp.set(labels, 1);
    if (result.parseErrors > 0) {
      self.sourceParseErrors.inc(labels, result.parseErrors);
      logger.debug(
        { source: source.name, parseErrors: result.parseErrors },
        'source returned unusable lines',
      );
    }
    if (previous && !previous.up) logger.info({ source: source.name }, 'source is back up');
    health.set(source.name, { up: true, lastError: undefined, lastSuccessMs: context.nowMs });
    return { fresh: result.samples, committed: result.committed ?? [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    self.sourceUp.set(labels, 0);
    // Log the transition loudly and the repeats quietly, so an outage does not flood logs.
    if (!previous || previous.up || previous.lastError !== message) {
      logger.warn({ source: source.name, err: message }, 'source collection failed');
    } else {
      logger.debug({ source: source.name, err: message }, 'source still failing');
    }
    health.set(source.name, { up: false, lastError: message, lastSuccessMs: previous?.lastSuccessMs });
    return { fresh: [], committed: [] };
  } finally {
    self.sourceDuration.set(labels, (performance.now() - started) / 1000);
  }
}
