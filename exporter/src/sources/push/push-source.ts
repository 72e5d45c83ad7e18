/**
 * The `push` source: applications push samples and error events over HTTP
 * (POST /api/v1/ingest). A batch is committed to the store before the client hears 200
 * (DESIGN Decision 8); each cycle, `collect` then hands the pipeline
 *  - the per-service error rate over `window`, computed from the stored events (services
 *    with events in the last `forgetAfter` get a rate even at 0, so it can fall back), and
 *  - the newest pushed sample of each series since the last cycle, as `committed`: already
 *    in the store, so the cycle tracks and scores them without writing them again.
 */
import { parseDuration } from '../../config/duration.js';
import type { PushSourceConfig } from '../../config/push-source-schema.js';
import type { SignalConfig } from '../../config/schema.js';
import type { Logger } from '../../log/logger.js';
import { SeriesMap } from '../../store/series-map.js';
import type { ErrorEventStore, SampleStore } from '../../store/store.js';
import type { BreakdownReader } from '../breakdown.js';
import type { CollectContext, CollectResult, SeriesSample, Source } from '../source.js';
import { createEventBreakdown } from './event-breakdown.js';
import { eventRates } from './event-rate.js';
import { resolveBatch, type BatchRules, type PushBatch } from './ingest-batch.js';

/** DESIGN Decision 7's default `rawRetention`: older samples would be gone before they are read. */
export const RAW_RETENTION_MS = 14 * 86_400_000;
const MAX_FUTURE_MS = 5 * 60_000;

export interface PushSourceDeps {
  logger: Logger;
  store: SampleStore & ErrorEventStore;
  /** Oldest timestamp accepted, as an age (default: the raw retention). */
  maxAgeMs?: number | undefined;
}

export interface IngestOutcome {
  samples: number;
  events: number;
}

export class PushSource implements Source {
  readonly kind = 'push';
  readonly name: string;
  readonly maxBodyBytes: number;
  readonly rateLimit: { perSecond: number; burst: number };
  readonly breakdown?: BreakdownReader;
  private readonly windowMs: number;
  private readonly forgetAfterMs: number;
  private readonly rules: BatchRules;
  /** Newest committed sample per series since the last collect: bounded by the series count. */
  private pending = new SeriesMap<SeriesSample>();

  constructor(
    private readonly config: PushSourceConfig,
    signals: readonly SignalConfig[],
    private readonly deps: PushSourceDeps,
  ) {
    this.name = config.name;
    this.maxBodyBytes = config.maxBodyBytes;
    this.rateLimit = config.rateLimit;
    this.windowMs = parseDuration(config.window);
    this.forgetAfterMs = parseDuration(config.forgetAfter);
    if (config.contrastBy.length > 0) this.breakdown = createEventBreakdown(config, deps.store);
    this.rules = {
      // Opt-in: only signals that name this source take pushed values, so a push cannot
      // slip values into a series a scrape or Prometheus source also writes.
      signals: new Set(signals.filter((s) => s.sources?.includes(config.name)).map((s) => s.name)),
      eventSignal: config.signal,
      maxFutureMs: MAX_FUTURE_MS,
      maxAgeMs: deps.maxAgeMs ?? RAW_RETENTION_MS,
    };
  }

  /**
   * Validates the batch against this source's rules (throws IngestRejected naming the
   * field), then commits it; resolves only after COMMIT. Events and samples are two
   * transactions: if the second fails the client gets an error and may resend, so the
   * events could be stored twice (counted twice in one window) — never lost.
   */
  async ingest(batch: PushBatch, nowMs: number): Promise<IngestOutcome> {
    const { samples, events } = resolveBatch(batch, this.rules, nowMs);
    await this.deps.store.writeErrorEvents(events);
    await this.deps.store.writeSamples(samples);
    for (const sample of samples) {
      const known = this.pending.get(sample.signal, sample.service);
      if (!known || known.timestampMs <= sample.timestampMs)
        this.pending.set(sample.signal, sample.service, sample);
    }
    this.deps.logger.debug({ samples: samples.length, events: events.length }, 'ingested a pushed batch');
    return { samples: samples.length, events: events.length };
  }

  async collect({ nowMs }: CollectContext): Promise<CollectResult> {
    const counts = await this.deps.store.countErrorEvents({
      activeSinceMs: nowMs - this.forgetAfterMs,
      fromMs: nowMs - this.windowMs,
      toMs: nowMs,
    });
    // Taken only after the read succeeded: a failed collect keeps them for the next cycle.
    const committed = this.pending.values();
    this.pending = new SeriesMap();
    return {
      samples: eventRates(counts, this.config.signal, this.windowMs, nowMs),
      parseErrors: 0,
      committed,
    };
  }
}

export function createPushSource(
  config: PushSourceConfig,
  signals: readonly SignalConfig[],
  deps: PushSourceDeps,
): PushSource {
  return new PushSource(config, signals, deps);
}
