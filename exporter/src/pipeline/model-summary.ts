/**
 * What the model metrics publish per model (DESIGN Decision 14: `{model}` only, never per
 * series): the oldest training time among its live series — so a series whose refits
 * starve shows, where a newest or mean time would hide it — the median training MASE and
 * Brier score, and the live interval coverage pooled over every scored step.
 */
import type { LiveModel } from './model-lifecycle.js';

export interface ModelSummary {
  series: number;
  oldestTrainedMs: number | null;
  medianMase: number | null;
  medianBrier: number | null;
  /** Share of scored steps inside the 80% / 95% band; null before any step is scored. */
  coverage80: number | null;
  coverage95: number | null;
}

function median(values: number[]): number | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = finite.length >> 1;
  return finite.length % 2 === 1
    ? (finite[mid] as number)
    : ((finite[mid - 1] as number) + (finite[mid] as number)) / 2;
}

export function summarise(models: readonly LiveModel[]): ModelSummary {
  let oldest = Infinity;
  let steps = 0;
  let inside80 = 0;
  let inside95 = 0;
  const mases: number[] = [];
  const briers: number[] = [];
  for (const model of models) {
    oldest = Math.min(oldest, model.trainedAtMs);
    if (model.quality.mase !== null) mases.push(model.quality.mase);
    if (model.quality.brier !== null) briers.push(model.quality.brier);
    steps += model.live.steps;
    inside80 += model.live.inside80;
    inside95 += model.live.inside95;
  }
  return {
    series: models.length,
    oldestTrainedMs: Number.isFinite(oldest) ? oldest : null,
    medianMase: median(mases),
    medianBrier: median(briers),
    coverage80: steps > 0 ? inside80 / steps : null,
    coverage95: steps > 0 ? inside95 / steps : null,
  };
}
