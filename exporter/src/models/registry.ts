/**
 * Every model Omen can run, one map per family, keyed by the name config and metrics use.
 * Explicit and greppable: a new algorithm is one file in its family's folder plus one line here.
 */
import { createRobustSeasonalDetector, ROBUST_SEASONAL } from './anomaly/robust-seasonal.js';
import type { RobustSeasonalParams } from './anomaly/robust-seasonal-params.js';
import type { AnomalyDetector } from './types.js';

/** Common detector parameters every anomaly family accepts (each validates its own extras). */
export type AnomalyDetectorParams = Partial<RobustSeasonalParams>;

export type AnomalyDetectorFactory = (params?: AnomalyDetectorParams) => AnomalyDetector;

export const anomalyDetectors = {
  [ROBUST_SEASONAL]: createRobustSeasonalDetector,
} as const satisfies Record<string, AnomalyDetectorFactory>;

export type AnomalyDetectorName = keyof typeof anomalyDetectors;

export const DEFAULT_DETECTOR: AnomalyDetectorName = ROBUST_SEASONAL;
