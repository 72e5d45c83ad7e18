/**
 * Lagged correlation: a cause's change tracks the symptom's, at the same step or a step or
 * two ahead. Weighted by the change itself, so a flat series that happens to correlate
 * does not win; unrelated trouble elsewhere (already bad, or a one-off spike) correlates little.
 */
import { changeStrength, rankBy } from './features.js';
import type { RcaRanker } from './types.js';

export const CORRELATION = 'correlation';

export const correlationRanker: RcaRanker = {
  name: CORRELATION,
  rank: (input) => rankBy(input, (f) => Math.max(0, f.correlation) * changeStrength(f)),
};
