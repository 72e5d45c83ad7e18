/**
 * Parameters of the robust seasonal detector: one type, the defaults in one place, and one
 * validation that runs at construction (never per point) with a message that names the key.
 */

export interface RobustSeasonalParams {
  /** Residuals in the rolling baseline (median level and MAD scale). */
  window: number;
  /** Points needed before the newest one until the detector may alarm (warm-up). */
  minPoints: number;
  /** Past seasons looked at, at the same phase, when the signal has a season. */
  seasonsBack: number;
  /** Past seasons that must hold a same-phase point before the seasonal baseline is used. */
  minSeasons: number;
  /** Half-width of the same-phase neighbourhood, in typical sampling intervals. */
  phaseTolerance: number;
  /** Recent one-step residuals the score's tail is estimated from (0: Student-t only). */
  calibrationPoints: number;
  /** Scale floor relative to the level (|expected value|): changes below it are not news. */
  relativeScaleFloor: number;
  /** Absolute scale floor: keeps an all-zero series from producing infinite z-scores. */
  absoluteScaleFloor: number;
}

export const ROBUST_SEASONAL_DEFAULTS: Readonly<RobustSeasonalParams> = Object.freeze({
  window: 60,
  minPoints: 20,
  seasonsBack: 3,
  minSeasons: 2,
  phaseTolerance: 0.5,
  calibrationPoints: 240,
  relativeScaleFloor: 1e-3,
  absoluteScaleFloor: 1e-9,
});

type Rule = (value: number, params: RobustSeasonalParams) => string | null;

const integerAtLeast =
  (min: number): Rule =>
  (v) =>
    Number.isInteger(v) && v >= min ? null : `must be an integer ≥ ${min}`;

const RULES: Record<keyof RobustSeasonalParams, Rule> = {
  window: integerAtLeast(5),
  minPoints: (v, p) =>
    Number.isInteger(v) && v >= 3 && v <= p.window
      ? null
      : `must be an integer between 3 and window (${p.window})`,
  seasonsBack: (v) =>
    Number.isInteger(v) && v >= 1 && v <= 52 ? null : 'must be an integer between 1 and 52',
  minSeasons: (v, p) =>
    Number.isInteger(v) && v >= 1 && v <= p.seasonsBack
      ? null
      : `must be an integer between 1 and seasonsBack (${p.seasonsBack})`,
  phaseTolerance: (v) => (v > 0 && v <= 10 ? null : 'must be a number in (0, 10] (sampling intervals)'),
  calibrationPoints: integerAtLeast(0),
  relativeScaleFloor: (v) => (v >= 0 && v < 1 ? null : 'must be a number in [0, 1)'),
  absoluteScaleFloor: (v) => (v > 0 && Number.isFinite(v) ? null : 'must be a finite number > 0'),
};

/** Merges `params` over the defaults and validates the result; throws on the first bad key. */
export function resolveRobustSeasonalParams(
  params: Partial<RobustSeasonalParams> = {},
): RobustSeasonalParams {
  for (const key of Object.keys(params)) {
    if (!(key in RULES)) {
      throw new Error(
        `robust_seasonal: unknown parameter "${key}" (known: ${Object.keys(RULES).join(', ')})`,
      );
    }
  }
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const resolved: RobustSeasonalParams = { ...ROBUST_SEASONAL_DEFAULTS, ...defined };
  for (const [key, rule] of Object.entries(RULES) as [keyof RobustSeasonalParams, Rule][]) {
    const value = resolved[key];
    const problem =
      typeof value === 'number' && !Number.isNaN(value) ? rule(value, resolved) : 'must be a number';
    if (problem) throw new Error(`robust_seasonal: ${key} ${problem} (got ${String(value)})`);
  }
  return resolved;
}
