/**
 * Parameters of the tail ensemble: one type, the defaults in one place, and one validation
 * at construction (never per point) with a message that names the key.
 */

export interface TailEnsembleParams {
  /** Points of history each component's tail is measured against. */
  history: number;
  /** Points a series needs before it may alarm (warm-up). */
  minPoints: number;
  /** Points in the moving average the level component tests. */
  levelWindow: number;
  /** Share of the history treated as each tail (the exponential fit's extremes). */
  tailFraction: number;
  /** Fewest extremes a tail is fitted on. */
  minExtremes: number;
  /** Score from which a detection opens a refractory period. */
  refractoryAt: number;
  /** Points after such a detection during which only a further, larger surprise scores high. */
  refractoryPoints: number;
  /** How much less surprising every point of a refractory period counts (its p-value × this). */
  refractoryDamping: number;
  /** Weakest autocorrelation peak accepted as a season (seasons found from the data). */
  minAutocorrelation: number;
}

export const TAIL_ENSEMBLE_DEFAULTS: Readonly<TailEnsembleParams> = Object.freeze({
  history: 2016,
  minPoints: 20,
  levelWindow: 48,
  tailFraction: 0.01,
  minExtremes: 5,
  refractoryAt: 0.999,
  refractoryPoints: 100,
  refractoryDamping: 1000,
  minAutocorrelation: 0.3,
});

type Rule = (value: number, params: TailEnsembleParams) => string | null;

const integerBetween =
  (min: number, max: number): Rule =>
  (v) =>
    Number.isInteger(v) && v >= min && v <= max ? null : `must be an integer between ${min} and ${max}`;

const RULES: Record<keyof TailEnsembleParams, Rule> = {
  history: integerBetween(100, 100_000),
  minPoints: (v, p) => integerBetween(5, p.history)(v, p),
  levelWindow: (v, p) => integerBetween(2, Math.floor(p.history / 4))(v, p),
  tailFraction: (v) => (v > 0 && v <= 0.1 ? null : 'must be a number in (0, 0.1]'),
  minExtremes: integerBetween(2, 1000),
  refractoryAt: (v) => (v > 0 && v < 1 ? null : 'must be a number in (0, 1)'),
  refractoryPoints: integerBetween(0, 100_000),
  refractoryDamping: (v) => (v >= 1 && Number.isFinite(v) ? null : 'must be a finite number ≥ 1'),
  minAutocorrelation: (v) => (v > 0 && v < 1 ? null : 'must be a number in (0, 1)'),
};

/** Merges `params` over the defaults and validates the result; throws on the first bad key. */
export function resolveTailEnsembleParams(params: Partial<TailEnsembleParams> = {}): TailEnsembleParams {
  for (const key of Object.keys(params)) {
    if (!(key in RULES)) {
      throw new Error(`tail_ensemble: unknown parameter "${key}" (known: ${Object.keys(RULES).join(', ')})`);
    }
  }
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const resolved: TailEnsembleParams = { ...TAIL_ENSEMBLE_DEFAULTS, ...defined };
  for (const [key, rule] of Object.entries(RULES) as [keyof TailEnsembleParams, Rule][]) {
    const value = resolved[key];
    const problem =
      typeof value === 'number' && !Number.isNaN(value) ? rule(value, resolved) : 'must be a number';
    if (problem) throw new Error(`tail_ensemble: ${key} ${problem} (got ${String(value)})`);
  }
  return resolved;
}
