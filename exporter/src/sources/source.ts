/**
 * A source turns the outside world into samples of Omen's series: one value of one
 * signal for one service at one time. Everything upstream of the store speaks this.
 */
import type { BreakdownReader } from './breakdown.js';

export interface SeriesSample {
  signal: string;
  service: string;
  /** Unix time in milliseconds. */
  timestampMs: number;
  value: number;
}

export interface CollectContext {
  /** The cycle's clock, injected so tests are deterministic. */
  nowMs: number;
  /** Aborted when the cycle is cancelled (shutdown); sources must stop promptly. */
  abort: AbortSignal;
}

export interface CollectResult {
  samples: SeriesSample[];
  /** Lines or values the source could not use; the good ones are still in `samples`. */
  parseErrors: number;
  /**
   * Samples the source already committed to the store itself (the push source commits a
   * batch before it answers its client, DESIGN Decision 8). The pipeline tracks and scores
   * them like `samples` but does not write them a second time.
   */
  committed?: SeriesSample[];
}

/**
 * One configured source instance. `collect` throws when the source as a whole failed
 * (target down, timeout): the pipeline turns that into `omen_source_up{source}=0` and a
 * log line. "No data yet" (e.g. the first scrape of a counter) is an empty result, not an error.
 */
export interface Source {
  readonly name: string;
  readonly kind: string;
  /** Its signals' events by label value, for RCA's label contrast; absent when it has none to give. */
  readonly breakdown?: BreakdownReader;
  collect(context: CollectContext): Promise<CollectResult>;
  close?(): Promise<void>;
}
