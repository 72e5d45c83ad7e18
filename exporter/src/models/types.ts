/**
 * Model families are pure: (series, params, state) → result. No I/O, no clock, no
 * prom-client, no DuckDB. The pipeline feeds them points read from the store, keeps their
 * state between cycles (and in the store across restarts), and publishes what they say.
 */

/** The band expected for the scored point (the contract's `omen_expected` bounds). */
export interface ExpectedBand {
  point: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
}

export type AnomalyKind = 'spike' | 'dip' | 'level_shift' | 'trend_change' | 'pattern_deviation';

export interface AnomalyResult {
  /** Not enough history yet: the score is published but may not alarm (DESIGN Decision 4). */
  warming: boolean;
  /** Calibrated 0..1: 1 − tail probability of the point under the model (DESIGN Decision 5). */
  score: number;
  expected: ExpectedBand;
  kind: AnomalyKind;
  /** Which component drove the score, in words (e.g. "value 0.31 is above its last 2016 points…"). */
  explanation: string;
}

export interface TimedValue {
  timestampMs: number;
  /** NaN for a missing value. */
  value: number;
}

export interface DetectionContext {
  /** The signal's season from config, in ms; null when it is `auto` or `none`. */
  seasonMs: number | null;
  /** True when the season is `auto`: the detector finds it from the data. */
  detectSeason: boolean;
}

/**
 * An online anomaly detector: each point is scored from itself and the points before it
 * only, through a state the caller keeps per series. The state is explicit and
 * serialisable (encode/decode), so the store persists it and a restart does not
 * cold-start every series.
 */
export interface AnomalyDetector<State = unknown> {
  readonly name: string;
  /** Points of history a series without a state is replayed over before it scores. */
  readonly historyPoints: number;
  init(): State;
  /**
   * Advances `state` in place by one point and scores it. Null when the point is not newer
   * than the last one seen (it is ignored), or its value is missing.
   */
  update(state: State, point: TimedValue, context: DetectionContext): AnomalyResult | null;
  /** JSON-serialisable form of the state. */
  encode(state: State): unknown;
  /** The state back from `encode`'s form; throws when it is not one (the caller replays instead). */
  decode(json: unknown): State;
}
