/**
 * A multivariate detector over one service's series (DESIGN Decision 14): an isolation
 * forest (ml-isolation-forest) on the vectors of the service's values at each cycle — error
 * ratio, latency, traffic side by side — catches a combination no single series shows as
 * unusual (latency up while traffic is down, say). Its raw score is calibrated against the
 * scores of its own training vectors (DESIGN Decision 5: 1 − the share of the service's
 * history more isolated), and each score is explained by the member furthest from
 * its usual level.
 *
 * The forest is trained on a random sample of the history (the library does not subsample;
 * STACK.md), drawn with the caller's seeded generator.
 */
import { IsolationForest } from 'ml-isolation-forest';
import { medianAbsoluteDeviation, median } from 'simple-statistics';
import { upperBound } from '../sorted-search.js';

export const SERVICE_FOREST = 'service_isolation_forest';

export interface ServiceForestParams {
  trees: number;
  /** Vectors each forest is trained on (sampled from the history). */
  sample: number;
  /** Vectors a service needs before it is scored. */
  minVectors: number;
}

export const SERVICE_FOREST_DEFAULTS: Readonly<ServiceForestParams> = Object.freeze({
  trees: 100,
  sample: 256,
  minVectors: 60,
});

export interface ServiceForest {
  forest: IsolationForest;
  /** Raw scores of the training vectors, ascending. */
  trainingScores: number[];
  /** Per member: the median and MAD of its training values (for the explanation). */
  centre: number[];
  spread: number[];
}

export interface ServiceScore {
  /** 1 − the share of training vectors scoring higher than this one. */
  score: number;
  /** Index of the member furthest from its usual level, and that distance in robust z. */
  driver: number;
  driverZ: number;
}

export function resolveServiceForestParams(params: Partial<ServiceForestParams> = {}): ServiceForestParams {
  const resolved = { ...SERVICE_FOREST_DEFAULTS, ...params };
  for (const [key, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 2)
      throw new Error(`${SERVICE_FOREST}: ${key} must be an integer ≥ 2 (got ${value})`);
  }
  if (resolved.minVectors > resolved.sample * 8)
    throw new Error(`${SERVICE_FOREST}: minVectors must not exceed 8 × sample`);
  return resolved;
}

function sampleRows(rows: readonly number[][], size: number, random: () => number): number[][] {
  if (rows.length <= size) return rows.map((row) => [...row]);
  // Partial Fisher–Yates over indexes: `size` distinct rows, uniformly.
  const indexes = rows.map((_, i) => i);
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random() * (indexes.length - i));
    [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
  }
  return indexes.slice(0, size).map((i) => [...(rows[i] as number[])]);
}

/**
 * ml-isolation-forest draws its splits from Math.random; training runs synchronously, so the
 * seeded stream stands in for it meanwhile and the same history always gives the same forest.
 */
function withRandom<T>(random: () => number, work: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

export function trainServiceForest(
  rows: readonly number[][],
  params: ServiceForestParams,
  random: () => number,
): ServiceForest {
  if (rows.length < params.minVectors)
    throw new Error(`${SERVICE_FOREST}: needs ${params.minVectors} vectors to train (got ${rows.length})`);
  const training = sampleRows(rows, params.sample, random);
  const forest = new IsolationForest({ nEstimators: params.trees });
  withRandom(random, () => forest.train(training));
  const members = (training[0] as number[]).length;
  const column = (k: number) => training.map((row) => row[k] as number);
  const centre = Array.from({ length: members }, (_, k) => median(column(k)));
  const spread = Array.from({ length: members }, (_, k) => medianAbsoluteDeviation(column(k)));
  return {
    forest,
    trainingScores: forest.predict(training).sort((a, b) => a - b),
    centre,
    spread,
  };
}

export function scoreServiceVector(model: ServiceForest, vector: readonly number[]): ServiceScore {
  const raw = model.forest.predict([[...vector]])[0] as number;
  const n = model.trainingScores.length;
  // Ties count for the vector: one beyond every member's range isolates no faster than the
  // training's own extremes (the forest's splits end there), and must still rank at the top.
  const above = n - upperBound(model.trainingScores, raw);
  let driver = 0;
  let driverZ = 0;
  vector.forEach((value, k) => {
    // A member that never moved has no spread: any change from its level counts as large.
    const spread = Math.max(
      model.spread[k] as number,
      1e-9 * Math.max(1, Math.abs(model.centre[k] as number)),
    );
    const z = Math.abs(value - (model.centre[k] as number)) / (1.4826 * spread);
    if (z > driverZ) [driver, driverZ] = [k, z];
  });
  return { score: 1 - (above + 1) / (n + 1), driver, driverZ };
}
