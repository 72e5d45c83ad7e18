/**
 * BARO's ranking: by the robust change score alone (the largest move of any of a node's
 * series against its own normal period). Simple and, on RCAEval, hard to beat; blind to
 * propagation, so a caller that amplifies its callee's trouble can outrank the callee.
 */
import { rankBy } from './features.js';
import type { RcaRanker } from './types.js';

export const BARO = 'baro';

export const baroRanker: RcaRanker = {
  name: BARO,
  rank: (input) => rankBy(input, (f) => f.change),
};
