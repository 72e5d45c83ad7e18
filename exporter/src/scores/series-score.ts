import type { ExpectedBand } from '../models/types.js';

export interface HorizonForecast {
  horizon: string;
  band: ExpectedBand;
  /** Too few out-of-sample errors at this horizon yet: only the point is published. */
  warming: boolean;
  /** Calibrated P(breach within the horizon); null while the intervals are warming. */
  breachProbability: number | null;
}

export interface ForecastView {
  model: string;
  /** Start of the first forecast step (the one now filling). */
  fromMs: number;
  threshold: number;
  thresholdLearned: boolean;
  /** The band for the step now filling: `omen_expected` once a forecaster exists. */
  expected: ExpectedBand;
  horizons: HorizonForecast[];
  /** Until the breach is more likely than not; null when none is within the longest horizon. */
  timeToBreachSeconds: number | null;
  /** The intervals of the longest horizon rest on fewer out-of-sample errors than asked for. */
  warming: boolean;
  /** The same for the next step (then `expected` falls back to the detector's band). */
  expectedWarming: boolean;
}

/** Everything the snapshot publishes for one series after a cycle. */
export interface SeriesScore {
  signal: string;
  service: string;
  value: number;
  /** From config (an SLO), else learned by the forecaster; undefined until either exists. */
  threshold: number | undefined;
  lastSampleMs: number;
  /** No sample for `staleAfter`: scores are withheld so Prometheus marks them stale. */
  stale: boolean;
  warming: boolean;
  anomaly:
    | {
        score: number;
        active: boolean;
        /** 0 none … 4 critical. */
        severity: number;
        expected: ExpectedBand;
      }
    | undefined;
  /** The forecaster's view, once the series has one (undefined while stale). */
  forecast?: ForecastView;
}

/** A service's multivariate anomaly score (`omen_service_anomaly_score{service}`). */
export interface ServiceAnomaly {
  service: string;
  /** Calibrated 0..1; null while the service has too little history. */
  score: number | null;
  /** The signals whose values make up the service's vector, in order. */
  members: string[];
  /** Which member is furthest from its usual level, in words. */
  explanation: string | null;
}
