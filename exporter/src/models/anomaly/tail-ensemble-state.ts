/**
 * What the tail ensemble carries from one point to the next, and its JSON form. The
 * state is explicit so the store can persist it (a restart does not cold-start a series);
 * the tail fits are derived from the rings and refitted after a restore instead of stored.
 */
import { Ring, type RingJson } from './ring.js';
import { levelAt } from './series-steps.js';
import { SortedWindow } from './sorted-window.js';
import type { TailEnsembleParams } from './tail-ensemble-params.js';

export interface TailEnsembleState {
  /** Points pushed, missing ones (NaN placeholders for gaps) included. */
  points: number;
  /** Real points seen. */
  observed: number;
  /** Recent values; long enough for a season's lag behind every history point. */
  values: Ring;
  /** Moving averages over `levelWindow` values, one per point. */
  levels: Ring;
  /** Season length in points, or null while none is known. */
  period: number | null;
  /** Points at the last season check (seasons found from the data are re-checked). */
  periodCheckedAt: number;
  lastMs: number | null;
  /** Typical spacing of the points (median of the recent `steps`): longer gaps are missing points. */
  stepMs: number | null;
  steps: number[];
  /** Point index of the detection that opened the current refractory period. */
  refractoryFrom: number | null;
  /** Per component, its last `history` values in order (derived from the rings, not persisted). */
  windows: SortedWindow[];
  /** False when the windows must be rebuilt from the rings (after a restore). */
  windowsReady: boolean;
}

const STATE_VERSION = 2;

/** The moving averages of the values, oldest first, as pushPoint computed them. */
function levelsOf(values: Ring, capacity: number, levelWindow: number): Ring {
  const levels = new Ring(capacity);
  for (let age = Math.min(capacity, values.size) - 1; age >= 0; age -= 1) {
    levels.push(levelAt(values, age, levelWindow));
  }
  return levels;
}

/** The longest season looked for: two of them must fit in the history. */
export const maxPeriod = (params: TailEnsembleParams): number => Math.floor(params.history / 2);

export function initialState(params: TailEnsembleParams, components: number): TailEnsembleState {
  return {
    points: 0,
    observed: 0,
    values: new Ring(params.history + maxPeriod(params) + 2),
    // A level leaves the history window at age history + 1.
    levels: new Ring(params.history + 2),
    period: null,
    periodCheckedAt: 0,
    lastMs: null,
    stepMs: null,
    steps: [],
    refractoryFrom: null,
    windows: Array.from({ length: components }, () => new SortedWindow(params.history)),
    windowsReady: true,
  };
}

/** The persisted part: the scalars and the rings; the windows are derived from the rings. */
type StateJson = Omit<TailEnsembleState, 'windows' | 'windowsReady' | 'values' | 'levels'> & {
  version: number;
  values: RingJson;
};

export function encodeState(state: TailEnsembleState): StateJson {
  // The levels are means of the values: recomputed on decode rather than saved twice.
  const { windows: _windows, windowsReady: _ready, values, levels: _levels, ...scalars } = state;
  return { version: STATE_VERSION, ...scalars, values: values.toJSON() };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown): boolean => v === null || isNumber(v);

/** Throws when `json` is not a state of this version for these parameters. */
function checkStateJson(json: unknown, fresh: TailEnsembleState): StateJson {
  const s = json as Partial<StateJson> | null;
  if (s === null || typeof s !== 'object' || s.version !== STATE_VERSION) {
    throw new Error(`not a tail_ensemble state of version ${STATE_VERSION}`);
  }
  const complete =
    [s.points, s.observed, s.periodCheckedAt].every(isNumber) &&
    [s.period, s.lastMs, s.stepMs, s.refractoryFrom].every(isNumberOrNull) &&
    Array.isArray(s.steps) &&
    s.steps.every(isNumber) &&
    s.values !== undefined;
  if (!complete) throw new Error('tail_ensemble state is incomplete');
  const state = s as StateJson;
  if (state.values.capacity !== fresh.values.capacity) {
    throw new Error('tail_ensemble state was made with another history length');
  }
  return state;
}

/**
 * The state back from its JSON form; throws when it is not one (the caller then replays).
 * The windows come back empty: the detector rebuilds them from the rings.
 */
export function decodeState(
  json: unknown,
  params: TailEnsembleParams,
  components: number,
): TailEnsembleState {
  const fresh = initialState(params, components);
  const s = checkStateJson(json, fresh);
  const values = Ring.fromJSON(s.values);
  return {
    ...fresh,
    windowsReady: false,
    points: s.points,
    observed: s.observed,
    values,
    levels: levelsOf(values, fresh.levels.capacity, params.levelWindow),
    period: s.period,
    periodCheckedAt: s.periodCheckedAt,
    lastMs: s.lastMs,
    stepMs: s.stepMs,
    steps: [...s.steps],
    refractoryFrom: s.refractoryFrom,
  };
}
