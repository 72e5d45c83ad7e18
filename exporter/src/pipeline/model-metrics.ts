/**
 * Publishes a model's lifecycle metrics after each cycle's forecast stage (never at scrape
 * time). A gauge with nothing to say is removed rather than left at an old value, so
 * Prometheus marks it stale.
 */
import type { SelfMetrics } from '../exposition/self-metrics.js';
import type { ModelLifecycle } from './model-lifecycle.js';
import { summarise } from './model-summary.js';

function setOrRemove(
  gauge: SelfMetrics['modelBacktestMase'],
  labels: Record<string, string>,
  value: number | null,
): void {
  if (value === null) gauge.remove(labels);
  else gauge.set(labels, value);
}

export function publishModelMetrics(self: SelfMetrics, lifecycle: ModelLifecycle): void {
  const { model } = lifecycle;
  const summary = summarise(lifecycle.live());
  const oldest = summary.oldestTrainedMs === null ? null : summary.oldestTrainedMs / 1000;
  setOrRemove(self.modelLastTrained, { model }, oldest);
  setOrRemove(self.modelBacktestMase, { model }, summary.medianMase);
  setOrRemove(self.modelBacktestBrier, { model }, summary.medianBrier);
  setOrRemove(self.modelBacktestCoverage, { model, level: '80' }, summary.coverage80);
  setOrRemove(self.modelBacktestCoverage, { model, level: '95' }, summary.coverage95);
  self.modelDriftRefits.inc({ model }, lifecycle.takeDriftRefits());
}
