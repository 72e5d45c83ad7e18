/**
 * The default anomaly detector: an online ensemble of tail tests. Every new point is seen
 * through four components (value, change from the previous point, recent mean, difference
 * from one season before — components.ts), each tested against its own last `history`
 * points (tail-test.ts: conformal rank in the body, exponential peaks-over-threshold beyond
 * it). The smallest p-value, Bonferroni-corrected for the four looks, is the point's tail
 * probability and 1 − p its calibrated score (DESIGN Decision 5); the component behind it
 * names the anomaly's kind and explanation.
 *
 * Ranks against the series' own history make the score mean the same on every series,
 * whatever its scale or noise shape — what lets one threshold (activeAt, or NAB's single
 * corpus threshold) serve them all. After a detection at refractoryAt or above, the next
 * refractoryPoints points count `refractoryDamping` times less surprising: one incident is
 * one detection, not an alert storm (and NAB charges every later one outside its window).
 * A level shift re-baselines by itself: within a few points the new level is in the history
 * it is ranked against.
 *
 * Online and streaming: update() sees one point and the state, never the future. It
 * advances the caller's state in place — copying thousands of points per series per cycle
 * would cost more than the scoring — and does no I/O.
 */
import type { AnomalyDetector, AnomalyResult, DetectionContext, ExpectedBand, TimedValue } from '../types.js';
import { COMPONENT_INDEX, createComponents, type Component } from './components.js';
import { detectPeriod } from './period.js';
import { advance } from './series-steps.js';
import { resolveTailEnsembleParams, type TailEnsembleParams } from './tail-ensemble-params.js';
import {
  decodeState,
  encodeState,
  fitSeasonWindow,
  fitValuesRing,
  initialState,
  maxPeriod,
  type TailEnsembleState,
} from './tail-ensemble-state.js';
import { fitTail, tailProbability, type TailFit, type TailP } from './tail-test.js';

export const TAIL_ENSEMBLE = 'tail_ensemble';

/**
 * Four looks at one point make the smallest p-value too small: Bonferroni multiplies it by
 * the number of looks. The components are correlated (value, level and change share their
 * points), so four overcorrects: three keeps 0.5%–1.5% of anomaly-free points at ≥ 0.99 on
 * Gaussian, uniform, exponential, AR(1) and seasonal noise (calibration.test.ts).
 */
const EFFECTIVE_LOOKS = 3;

/** Shortest season looked for, in points. */
const MIN_PERIOD = 4;
/** Points at which a season is first looked for (then every `history` points). */
const PERIOD_CHECKS = [200, 400, 800, 1600];

function oldestFirst(state: TailEnsembleState, span: number): Float64Array {
  const values = new Float64Array(span);
  for (let i = 0; i < span; i += 1) values[i] = state.values.at(span - 1 - i);
  return values;
}

function updatePeriod(state: TailEnsembleState, context: DetectionContext, params: TailEnsembleParams): void {
  if (context.seasonMs !== null) {
    const points = state.stepMs ? Math.round(context.seasonMs / state.stepMs) : NaN;
    state.period = points >= MIN_PERIOD && points <= maxPeriod(params) ? points : null;
    return;
  }
  if (!context.detectSeason) {
    state.period = null;
    return;
  }
  const due = PERIOD_CHECKS.includes(state.points) || state.points - state.periodCheckedAt >= params.history;
  if (!due) return;
  state.periodCheckedAt = state.points;
  state.period = detectPeriod(oldestFirst(state, Math.min(state.values.size, params.history)), {
    minPeriod: MIN_PERIOD,
    maxPeriod: maxPeriod(params),
    minAutocorrelation: params.minAutocorrelation,
  });
}

/**
 * Keeps each component's window at ages 1…history. One new point: the previous newest
 * enters and the point that aged past the history leaves. After a gap, a restore or a new
 * season the window is rebuilt from the rings instead (the pair a leaving point was
 * computed from may be gone by then).
 */
function slideWindows(
  state: TailEnsembleState,
  components: readonly Component[],
  pushed: number,
  rebuildSeason: boolean,
  history: number,
): void {
  fitSeasonWindow(state, components, history);
  for (const component of components) {
    const window = state.windows[COMPONENT_INDEX[component.name]];
    if (!window) continue;
    const rebuild = !state.windowsReady || pushed > 1 || (rebuildSeason && component.name === 'season');
    if (rebuild) window.rebuild(history);
    else window.slide(history);
  }
  state.windowsReady = true;
}

interface ComponentTest {
  component: Component;
  /** The newest point's component value. */
  x: number;
  tail: TailP | null;
  fit: TailFit | null;
  /** History points in the component's window. */
  n: number;
}

function testComponent(
  component: Component,
  state: TailEnsembleState,
  params: TailEnsembleParams,
): ComponentTest {
  const window = state.windows[COMPONENT_INDEX[component.name]];
  const x = component.at(state, 0);
  const n = window?.size ?? 0;
  const fit = window
    ? fitTail(window, n, {
        fraction: params.tailFraction,
        minExtremes: params.minExtremes,
        minHistory: params.minPoints,
      })
    : null;
  const tail = fit !== null && window && !Number.isNaN(x) ? tailProbability(x, window.counts(x), fit) : null;
  return { component, x, tail, fit, n };
}

function band(base: number, fit: TailFit): ExpectedBand {
  return {
    point: base + fit.q50,
    lower_80: base + fit.q10,
    upper_80: base + fit.q90,
    lower_95: base + fit.q025,
    upper_95: base + fit.q975,
  };
}

/**
 * The band for the newest point: last season's value at this phase plus the spread of
 * seasonal differences, or — without a season — the previous value plus the spread of
 * one-step changes. Both are honest one-step predictive bands from the series' own history.
 */
function expectedBand(
  tests: readonly ComponentTest[],
  state: TailEnsembleState,
  value: number,
): ExpectedBand {
  const season = tests[COMPONENT_INDEX.season];
  const change = tests[COMPONENT_INDEX.change];
  if (state.period !== null && season?.fit) {
    const base = state.values.at(state.period);
    if (!Number.isNaN(base)) return band(base, season.fit);
  }
  const previous = state.values.at(1);
  if (change?.fit && !Number.isNaN(previous)) return band(previous, change.fit);
  return { point: value, lower_80: value, upper_80: value, lower_95: value, upper_95: value };
}

function formatP(p: number): string {
  return p < 1e-3 ? p.toExponential(1) : p.toFixed(4);
}

/** The component with the smallest p-value, or null while none can be tested. */
function mostSurprising(tests: readonly ComponentTest[]): (ComponentTest & { tail: TailP }) | null {
  let best: (ComponentTest & { tail: TailP }) | null = null;
  for (const test of tests) {
    if (test.tail !== null && (best === null || test.tail.p < best.tail.p))
      best = { ...test, tail: test.tail };
  }
  return best;
}

/** Damps the p-value inside a refractory period, and opens one on a strong detection outside it. */
function applyRefractory(
  state: TailEnsembleState,
  p: number,
  params: TailEnsembleParams,
): { p: number; damped: boolean } {
  const open =
    state.refractoryFrom !== null && state.points - state.refractoryFrom <= params.refractoryPoints;
  if (open) return { p: Math.min(1, p * params.refractoryDamping), damped: true };
  if (1 - p >= params.refractoryAt) state.refractoryFrom = state.points;
  return { p, damped: false };
}

function judge(
  state: TailEnsembleState,
  tests: readonly ComponentTest[],
  value: number,
  params: TailEnsembleParams,
): AnomalyResult {
  const driver = mostSurprising(tests);
  const history = tests[0]?.n ?? 0;
  const expected = expectedBand(tests, state, value);
  if (driver === null || history < params.minPoints) {
    const explanation = `warming up: ${history}/${params.minPoints} points of history`;
    return { warming: true, score: 0, expected, kind: 'spike', explanation };
  }
  const { p, damped } = applyRefractory(state, Math.min(1, driver.tail.p * EFFECTIVE_LOOKS), params);
  const where = driver.tail.side === 'upper' ? 'above' : 'below';
  const explanation =
    `${driver.component.what(state)} ${driver.x.toPrecision(4)} is ${where} its last ${driver.n} points` +
    ` (tail p ${formatP(driver.tail.p)}, the smallest of ${tests.length} components)` +
    (damped ? '; damped: an earlier detection is still fresh' : '');
  return {
    warming: false,
    score: 1 - p,
    expected,
    kind: driver.component.kind(driver.tail.side, state),
    explanation,
  };
}

/** Validates `params` once (throws a message naming the key) and returns the detector. */
export function createTailEnsembleDetector(
  params: Partial<TailEnsembleParams> = {},
): AnomalyDetector<TailEnsembleState> {
  const resolved = resolveTailEnsembleParams(params);
  const components = createComponents(resolved.levelWindow);
  return {
    name: TAIL_ENSEMBLE,
    historyPoints: resolved.history + maxPeriod(resolved) + 2,
    init: () => initialState(resolved, components),
    update(state, point: TimedValue, context) {
      fitValuesRing(state, context.seasonMs !== null || context.detectSeason, resolved);
      const pushed = advance(state, point);
      if (pushed === 0) return null;
      const period = state.period;
      updatePeriod(state, context, resolved);
      slideWindows(state, components, pushed, state.period !== period, resolved.history);
      if (Number.isNaN(state.values.at(0))) return null;
      const tests = components.map((c) => testComponent(c, state, resolved));
      return judge(state, tests, point.value, resolved);
    },
    encode: encodeState,
    decode: (json) => decodeState(json, resolved, components),
  };
}

export { TAIL_ENSEMBLE_DEFAULTS, type TailEnsembleParams } from './tail-ensemble-params.js';
