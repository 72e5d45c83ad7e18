/**
 * The residual series the detector scores: x − reference, where the reference is the
 * same-phase median of past seasons (seasonal baseline) or 0 (rolling baseline). The rolling
 * robust statistics then run on these residuals, so one code path serves both baselines.
 *
 * Why "same-phase median + recent median offset" rather than the plain seasonal difference
 * x_t − x_{t−season}: the median over several seasons keeps one past incident at this
 * phase out of today's baseline (a seasonal difference would replay it as a dip), it adds
 * less noise than a single past value, and the offset — the median of the last `window`
 * seasonal residuals — follows a slow level drift or week-on-week growth without letting a
 * burst move it.
 */
import type { RobustSeasonalParams } from './robust-seasonal-params.js';
import { samePhaseReference, typicalStep, type PhaseLookup } from './seasonal-reference.js';

export interface ResidualSeries {
  /** Residuals, oldest first; the last one belongs to the newest point. */
  residuals: number[];
  /** The reference subtracted from each point (0 for the rolling baseline). */
  references: number[];
  /** Seasons behind the newest point's reference, or null for the rolling baseline. */
  seasons: number | null;
}

export function rollingResiduals(values: readonly number[], from: number, last: number): ResidualSeries {
  const residuals: number[] = [];
  for (let i = from; i <= last; i += 1) {
    const value = values[i] as number;
    if (Number.isFinite(value)) residuals.push(value);
  }
  return { residuals, references: new Array<number>(residuals.length).fill(0), seasons: null };
}

/**
 * Seasonal residuals over [from, last], or null when the newest point has fewer than
 * `minSeasons` same-phase seasons or fewer than `minPoints` earlier points have a reference.
 */
export function seasonalResiduals(
  timestampsMs: readonly number[],
  values: readonly number[],
  seasonMs: number,
  range: { from: number; last: number },
  params: RobustSeasonalParams,
): ResidualSeries | null {
  const step = typicalStep(timestampsMs, range.last);
  if (step <= 0 || seasonMs <= step) return null;
  const lookup: PhaseLookup = {
    timestampsMs,
    values,
    seasonMs,
    seasonsBack: params.seasonsBack,
    toleranceMs: params.phaseTolerance * step,
  };
  const scratch: number[] = [];
  const newest = samePhaseReference(lookup, range.last, scratch);
  if (!newest || newest.seasons < params.minSeasons) return null;
  const residuals: number[] = [];
  const references: number[] = [];
  for (let i = range.from; i < range.last; i += 1) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) continue;
    const ref = samePhaseReference(lookup, i, scratch);
    if (!ref || ref.seasons < params.minSeasons) continue;
    residuals.push(value - ref.value);
    references.push(ref.value);
  }
  if (residuals.length < params.minPoints) return null;
  residuals.push((values[range.last] as number) - newest.value);
  references.push(newest.value);
  return { residuals, references, seasons: newest.seasons };
}
