/**
 * Onset precedence: the node whose series moved first is the likeliest cause (a fault
 * shows where it starts before it spreads). Ties — nodes moving in the same step, common
 * with 5-minute aggregates — go to the larger change; nodes that never moved come last.
 */
import { changeStrength, rankBy } from './features.js';
import type { RcaRanker } from './types.js';

export const ONSET = 'onset';

/** Below every node that moved, however late. */
const NEVER_MOVED = -1e6;

export const onsetRanker: RcaRanker = {
  name: ONSET,
  rank: (input) =>
    rankBy(input, (f) => {
      // changeStrength / (1 + it) is in [0, 1): it orders within a step, never across.
      const tieBreak = changeStrength(f) / (1 + changeStrength(f));
      return (f.onset === null ? NEVER_MOVED : -f.onset) + tieBreak;
    }),
};
