/**
 * Every model Omen can run, one map per family, keyed by the name config and metrics use.
 * Explicit and greppable: a new algorithm is one file in its family's folder plus one line here.
 */
import { createTailEnsembleDetector, TAIL_ENSEMBLE } from './anomaly/tail-ensemble.js';
import type { TailEnsembleParams } from './anomaly/tail-ensemble-params.js';
import { SERVICE_FOREST, scoreServiceVector, trainServiceForest } from './anomaly/service-forest.js';
import { BARO, baroRanker } from './rca/baro-ranker.js';
import { COMBINED, combinedRanker } from './rca/combined-ranker.js';
import { CORRELATION, correlationRanker } from './rca/correlation-ranker.js';
import { GRAPH, graphRanker } from './rca/graph-ranker.js';
import { contrastLabels, LABEL_CONTRAST } from './rca/label-contrast.js';
import { ONSET, onsetRanker } from './rca/onset-ranker.js';
import type { RcaRanker } from './rca/types.js';
import type { AnomalyDetector } from './types.js';
import { conformalForecaster } from './forecast/conformal-forecaster.js';
import { ETS, ets } from './forecast/ets.js';
import type { Forecaster } from './forecast/forecaster.js';
import type { ForecasterParams } from './forecast/forecaster-params.js';
import { MEDIAN_COMBINATION, medianCombination } from './forecast/median-combination.js';
import { SEASONAL_NAIVE, seasonalNaive } from './forecast/seasonal-naive.js';
import { THETA, theta } from './forecast/theta.js';

/** Common detector parameters every anomaly family accepts (each validates its own extras). */
export type AnomalyDetectorParams = Partial<TailEnsembleParams>;

export type AnomalyDetectorFactory = (params?: AnomalyDetectorParams) => AnomalyDetector;

export const anomalyDetectors = {
  [TAIL_ENSEMBLE]: createTailEnsembleDetector as AnomalyDetectorFactory,
} as const satisfies Record<string, AnomalyDetectorFactory>;

export type AnomalyDetectorName = keyof typeof anomalyDetectors;

export const DEFAULT_DETECTOR: AnomalyDetectorName = TAIL_ENSEMBLE;

/** Detectors over a whole service's series at once (DESIGN Decision 14). */
export const serviceDetectors = {
  [SERVICE_FOREST]: { train: trainServiceForest, score: scoreServiceVector },
} as const;

export type ForecasterFactory = (params?: Partial<ForecasterParams>) => Forecaster;

/** Every forecaster is a point model with conformal intervals (forecast/conformal-forecaster.ts). */
export const forecasters = {
  [SEASONAL_NAIVE]: (params = {}) => conformalForecaster(seasonalNaive, params),
  [THETA]: (params = {}) => conformalForecaster(theta, params),
  [ETS]: (params = {}) => conformalForecaster(ets, params),
  [MEDIAN_COMBINATION]: (params = {}) => conformalForecaster(medianCombination, params),
} as const satisfies Record<string, ForecasterFactory>;

export type ForecasterName = keyof typeof forecasters;

/** The baseline every forecaster is measured against (`omen eval forecast`). */
export const BASELINE_FORECASTER: ForecasterName = SEASONAL_NAIVE;
export const DEFAULT_FORECASTER: ForecasterName = MEDIAN_COMBINATION;

/** Root-cause rankers: the combined one is Omen's; the others are its evidence alone, for comparison. */
export const rca = {
  [COMBINED]: combinedRanker,
  [BARO]: baroRanker,
  [ONSET]: onsetRanker,
  [CORRELATION]: correlationRanker,
  [GRAPH]: graphRanker,
} as const satisfies Record<string, RcaRanker>;

export type RcaRankerName = keyof typeof rca;

export const DEFAULT_RCA_RANKER: RcaRankerName = COMBINED;

/** RCA evidence beside the ranking: which label values of the symptom carry its events. */
export const rcaContrasts = { [LABEL_CONTRAST]: contrastLabels } as const;
