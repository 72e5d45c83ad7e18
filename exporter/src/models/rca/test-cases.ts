/**
 * Hand-made RCA cases for the rankers' tests: a small call graph, flat noisy baselines, and
 * incident windows written out step by step so each test reads what the ranker sees.
 */
import { mulberry32 } from '../../random/mulberry32.js';
import type { Direction, RcaCase, RcaSeries } from './types.js';

/** 200 points around `level` with a spread of about ±`noise` (deterministic per name). */
export function baseline(level: number, noise: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: 200 }, () => level + noise * (2 * random() - 1));
}

export function series(
  node: string,
  window: number[],
  options: { level?: number; noise?: number; metric?: string; direction?: Direction } = {},
): RcaSeries {
  const level = options.level ?? 10;
  return {
    node,
    metric: options.metric ?? 'latency',
    direction: options.direction ?? 'up',
    baseline: baseline(level, options.noise ?? 1, node.length * 31 + level),
    window,
  };
}

/**
 * frontend → api → db, and frontend → search (a bystander). db's latency rises at step 3;
 * api, which calls db three times per request, rises more; the symptom is frontend latency.
 */
export function chainCase(overrides: Partial<RcaCase> = {}): RcaCase {
  return {
    symptom: { node: 'frontend', metric: 'latency' },
    onset: 3,
    series: [
      series('frontend', [10, 10, 10, 40, 45, 50, 50, 50]),
      series('api', [10, 10, 10, 60, 70, 80, 80, 80], { noise: 1 }),
      series('db', [10, 10, 10, 20, 23, 26, 26, 26], { noise: 1 }),
      series('search', [10, 11, 10, 9, 10, 11, 10, 10]),
    ],
    calls: new Map([
      ['frontend', ['api', 'search']],
      ['api', ['db']],
      ['db', []],
      ['search', []],
    ]),
    ...overrides,
  };
}
