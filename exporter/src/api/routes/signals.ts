/** GET /api/v1/signals: what is configured, and how each of its series is doing now. */
import { Router } from 'express';
import type { OmenConfig } from '../../config/schema.js';
import { sourceSignals } from '../../pipeline/signal-settings.js';
import type { SeriesScore } from '../../scores/series-score.js';
import type { SignalsResponse } from '../contract.js';

export function signalsRouter(config: OmenConfig, latest: { scores: SeriesScore[] }): Router {
  const router = Router();
  // The push source's error-rate signal is defined on the source, not in `signals`.
  const signals = [
    ...config.signals,
    ...sourceSignals(config).map((signal) => ({ ...signal, type: 'events' as const })),
  ];
  router.get('/signals', (_request, response) => {
    const body: SignalsResponse = {
      signals: signals.map((signal) => ({
        name: signal.name,
        type: signal.type,
        help: signal.help ?? null,
        threshold: signal.threshold ?? null,
        season: signal.season,
        series: latest.scores
          .filter((score) => score.signal === signal.name)
          .sort((a, b) => a.service.localeCompare(b.service))
          .map((score) => ({
            service: score.service,
            value: score.value,
            lastSampleAt: new Date(score.lastSampleMs).toISOString(),
            stale: score.stale,
            warming: score.warming,
            anomalyScore: score.anomaly?.score ?? null,
            anomalyActive: score.anomaly?.active ?? false,
            threshold: score.threshold ?? null,
            thresholdLearned: score.forecast?.thresholdLearned ?? false,
            breach: (score.forecast?.horizons ?? []).map((h) => ({
              horizon: h.horizon,
              probability: h.breachProbability,
            })),
            timeToBreachSeconds: score.forecast?.timeToBreachSeconds ?? null,
          })),
      })),
    };
    response.json(body);
  });
  return router;
}
