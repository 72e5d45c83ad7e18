/**
 * What the tail ensemble carries from one point to the next, and its JSON form. The
 * state is explicit so the store can persist it (a restart does not cold-start a series);
 * the tail fits are derived from the rings and refitted after a restore instead of stored.
 */
import { COMPONENT_INDEX, type Component } from './components.js';
import { PointWindow } from './point-window.js';
import { Ring, type RingJson } from './ring.js';
import type { TailEnsembleParams } from './tail-ensemble-params.js';

export interface TailEnsembleState {
  /** Points pushed, missing ones (NaN placeholders for gaps) included. */
  points: number;
  /** Real points seen. */
  observed: number;
  /**
   * Recent values; long enough for a season's lag behind every history point (and for the
   * moving average behind it, which components.ts recomputes from here).
   */
  values: Ring;
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
  /**
   * Per component, its last `history` values in order (derived from the ring, not persisted);
   * null for the season's while no season is known (most series have none).
   */
  windows: Array<PointWindow | null>;
  /** False when the windows must be rebuilt from the rings (after a restore). */
  windowsReady: boolean;
}

const STATE_VERSION = 2;

const SEASON_WINDOW = COMPONENT_INDEX.season;

/**
 * Gives the season's window room while a season is known and frees it otherwise; a new one
 * is empty (the caller rebuilds it: the season has just changed).
 */
export function fitSeasonWindow(
  state: TailEnsembleState,
  components: readonly Component[],
  history: number,
): void {
  if (state.period === null) state.windows[SEASON_WINDOW] = null;
  else
    state.windows[SEASON_WINDOW] ??= new PointWindow(history, components[SEASON_WINDOW] as Component, state);
}

/** The longest season looked for: two of them must fit in the history. */
export const maxPeriod = (params: TailEnsembleParams): number => Math.floor(params.history / 2);

/** Ring room for the history and, behind its oldest point, the previous value and a level window. */
const plainCapacity = (params: TailEnsembleParams): number => params.history + params.levelWindow + 1;

/** …and for the value one season before every history point. */
const seasonalCapacity = (params: TailEnsembleParams): number => params.history + maxPeriod(params) + 2;

/**
 * Sizes the values ring for what the series can use: room for a season's lag only where a
 * season may be configured or found (a third of the ring, 4 KiB a series, otherwise). A ring
 * grows before its first point, so nothing is lost; a series whose season is configured
 * after a restart starts with that much less behind it.
 */
export function fitValuesRing(
  state: TailEnsembleState,
  canHaveSeason: boolean,
  params: TailEnsembleParams,
): void {
  const capacity = canHaveSeason ? seasonalCapacity(params) : plainCapacity(params);
  if (state.values.capacity !== capacity) state.values = state.values.resized(capacity);
}

export function initialState(
  params: TailEnsembleParams,
  components: readonly Component[],
): TailEnsembleState {
  const state: TailEnsembleState = {
    points: 0,
    observed: 0,
    values: new Ring(plainCapacity(params)),
    period: null,
    periodCheckedAt: 0,
    lastMs: null,
    stepMs: null,
    steps: [],
    refractoryFrom: null,
    windows: [],
    windowsReady: true,
  };
  // Made once the state exists: a window reads its values through the state's ring.
  state.windows = components.map((component, i) =>
    i === SEASON_WINDOW ? null : new PointWindow(params.history, component, state),
  );
  return state;
}

/** The persisted part: the scalars and the ring; the windows are derived from the ring. */
type StateJson = Omit<TailEnsembleState, 'windows' | 'windowsReady' | 'values'> & {
  version: number;
  values: RingJson;
};

export function encodeState(state: TailEnsembleState): StateJson {
  const { windows: _windows, windowsReady: _ready, values, ...scalars } = state;
  return { version: STATE_VERSION, ...scalars, values: values.toJSON() };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown): boolean => v === null || isNumber(v);

/** Throws when `json` is not a state of this version for these parameters. */
function checkStateJson(json: unknown, params: TailEnsembleParams): StateJson {
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
  if (![plainCapacity(params), seasonalCapacity(params)].includes(state.values.capacity)) {
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
  components: readonly Component[],
): TailEnsembleState {
  const s = checkStateJson(json, params);
  const state = initialState(params, components);
  state.windowsReady = false;
  state.points = s.points;
  state.observed = s.observed;
  state.values = Ring.fromJSON(s.values);
  state.period = s.period;
  state.periodCheckedAt = s.periodCheckedAt;
  state.lastMs = s.lastMs;
  state.stepMs = s.stepMs;
  state.steps = [...s.steps];
  state.refractoryFrom = s.refractoryFrom;
  return state;
}
