/**
 * GET /api/v1/insights: short, ranked findings from the store — trends, capacity, noisy
 * series — each with a link to its evidence. Computed on request from aggregates (rollups
 * and anomaly counts), never from raw history in the pipeline.
 */
import { Router } from 'express';
import { parseDuration } from '../../config/duration.js';
import type { SeriesScore } from '../../scores/series-score.js';
import type { InsightStore } from '../../store/store.js';
import { insightsQuery, type InsightsResponse } from '../contract.js';
import { findings, keyOf } from '../insight-findings.js';
import { parseOrThrow } from '../validate.js';

export interface InsightsDeps {
  store: InsightStore;
  latest: { scores: SeriesScore[] };
  /** The pipeline interval: how many points a series gets per period. */
  intervalMs: number;
  clock?: () => number;
}

export function insightsRouter(deps: InsightsDeps): Router {
  const router = Router();
  router.get('/insights', async (request, response) => {
    const query = parseOrThrow(insightsQuery, request.query, 'query');
    const periodMs = parseDuration(query.period);
    const nowMs = (deps.clock ?? Date.now)();
    const last = { fromMs: nowMs - periodMs, toMs: nowMs };
    const [means, anomalies] = await Promise.all([
      deps.store.rangeMeans([{ fromMs: nowMs - 2 * periodMs, toMs: last.fromMs }, last]),
      deps.store.countAnomalies(last),
    ]);
    const current = new Map(
      deps.latest.scores
        .filter((s) => !s.stale)
        .map((s) => [keyOf(s), { value: s.value, threshold: s.threshold }] as const),
    );
    const items = findings({
      periodMs,
      period: query.period,
      nowMs,
      means,
      current,
      anomalies,
      pointsPerPeriod: periodMs / deps.intervalMs,
    });
    const body: InsightsResponse = {
      generatedAt: new Date(nowMs).toISOString(),
      period: query.period,
      items: items.slice(0, query.limit),
    };
    response.json(body);
  });
  return router;
}
