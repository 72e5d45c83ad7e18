/**
 * The ensemble's components: four views of the newest point, each tested against its own
 * history. Together they cover the anomaly kinds a single view misses — a value never seen
 * (spike, dip), a jump between neighbours, a shift of the recent mean (level shift, trend
 * change), and a departure from the same phase of the last season (pattern deviation: a
 * flat stretch where a daily cycle should be, a missing peak).
 */
import type { AnomalyKind } from '../types.js';
import { levelAt } from './series-steps.js';
import type { TailEnsembleState } from './tail-ensemble-state.js';

export interface Component {
  readonly name: 'value' | 'change' | 'level' | 'season';
  /**
   * The component `age` points before the newest point (0: the newest), rounded to Float32
   * like the rings it is computed from; NaN where undefined (missing points, no season).
   */
  at(state: TailEnsembleState, age: number): number;
  /** The anomaly kind when this component drives the score from the given tail. */
  kind(side: 'upper' | 'lower', state: TailEnsembleState): AnomalyKind;
  /** What the component compares, in words. */
  what(state: TailEnsembleState): string;
}

const bySide = (side: 'upper' | 'lower'): AnomalyKind => (side === 'upper' ? 'spike' : 'dip');

const difference = (state: TailEnsembleState, age: number, lag: number): number =>
  Math.fround(state.values.at(age) - state.values.at(age + lag));

/** Share of the last `window` steps that went up: near 0 or 1 is a steady trend, not a step. */
function upwardShare(state: TailEnsembleState, window: number): number {
  let up = 0;
  let steps = 0;
  for (let age = 0; age < window; age += 1) {
    const step = difference(state, age, 1);
    if (Number.isNaN(step) || step === 0) continue;
    steps += 1;
    if (step > 0) up += 1;
  }
  return steps === 0 ? 0.5 : up / steps;
}

const TREND_SHARE = 0.75;

export function createComponents(levelWindow: number): readonly Component[] {
  return [
    { name: 'value', at: (s, age) => s.values.at(age), kind: bySide, what: () => 'value' },
    {
      name: 'change',
      at: (s, age) => difference(s, age, 1),
      kind: bySide,
      what: () => 'change from the previous point',
    },
    {
      name: 'level',
      // Recomputed from the values ring rather than kept in a ring of its own (8 KiB a
      // series): the same values summed in the same order, so a level leaving the window
      // is bit for bit the one that entered it.
      at: (s, age) => Math.fround(levelAt(s.values, age, levelWindow)),
      kind: (_side, s) => {
        const share = upwardShare(s, levelWindow);
        return share >= TREND_SHARE || share <= 1 - TREND_SHARE ? 'trend_change' : 'level_shift';
      },
      what: () => `mean of the last ${levelWindow} points`,
    },
    {
      name: 'season',
      at: (s, age) => (s.period === null ? NaN : difference(s, age, s.period)),
      kind: () => 'pattern_deviation',
      what: (s) => `difference from one season (${s.period ?? '?'} points) before`,
    },
  ];
}

/** Where each component sits in createComponents' list (and in the state's windows). */
export const COMPONENT_INDEX = { value: 0, change: 1, level: 2, season: 3 } as const;
