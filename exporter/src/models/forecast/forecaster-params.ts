/**
 * Parameters shared by every forecaster: one type, the defaults in one place, validated
 * once when the forecaster is created, with a message that names the key.
 */

export interface ForecasterParams {
  /** Central interval levels, as fractions (0.8 → lower_80/upper_80). */
  levels: number[];
  /** Out-of-sample errors kept per horizon for the intervals. */
  window: number;
  /** Errors per horizon before the intervals stop warming. */
  minErrors: number;
  /** Share of the fitting history held out to collect out-of-sample errors. */
  calibrationFraction: number;
}

export const FORECASTER_DEFAULTS: Readonly<ForecasterParams> = Object.freeze({
  levels: [0.8, 0.95],
  window: 250,
  minErrors: 20,
  calibrationFraction: 0.3,
});

type Check = (params: ForecasterParams) => string | null;

const CHECKS: Record<keyof ForecasterParams, Check> = {
  levels: ({ levels }) =>
    Array.isArray(levels) && levels.length > 0 && levels.every((l) => l > 0 && l < 1)
      ? null
      : `must be a non-empty list of levels in (0, 1) (got ${JSON.stringify(levels)})`,
  window: ({ window }) =>
    Number.isInteger(window) && window >= 10 ? null : `must be an integer ≥ 10 (got ${window})`,
  minErrors: ({ minErrors, window }) =>
    Number.isInteger(minErrors) && minErrors >= 1 && minErrors <= window
      ? null
      : `must be an integer between 1 and window (${window}) (got ${minErrors})`,
  calibrationFraction: ({ calibrationFraction: f }) =>
    f > 0 && f < 1 ? null : `must be a number in (0, 1) (got ${f})`,
};

/** Merges `params` over the defaults and validates; throws on an unknown or bad key. */
export function resolveForecasterParams(
  name: string,
  params: Partial<ForecasterParams> = {},
): ForecasterParams {
  for (const key of Object.keys(params)) {
    if (!(key in CHECKS))
      throw new Error(`${name}: unknown parameter "${key}" (known: ${Object.keys(CHECKS).join(', ')})`);
  }
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const resolved: ForecasterParams = { ...FORECASTER_DEFAULTS, ...defined };
  for (const [key, check] of Object.entries(CHECKS)) {
    const problem = check(resolved);
    if (problem) throw new Error(`${name}: ${key} ${problem}`);
  }
  return { ...resolved, levels: [...resolved.levels].sort((a, b) => a - b) };
}
