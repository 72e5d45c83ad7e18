/**
 * GET /api/v1/insights: short, ranked findings from the store — trends, capacity, noisy
 * series, recurring daily peaks — each with a link to its evidence. Computed on request from
 * aggregates (rollups, hourly means and anomaly counts), never from raw history in the pipeline.
 */
import { Router } from 'express';
import { parseDuration } from '../../config/duration.js';
import type { SeriesScore } from '../../scores/series-score.js';
import type { InsightStore, TimeRange } from '../../store/store.js';
import { insightsQuery, type InsightsResponse } from '../contract.js';
import { findings, keyOf } from '../insight-findings.js';
import { RecurringMemo } from '../recurring-memo.js';
import { parseOrThrow } from '../validate.js';

export interface InsightsDeps {
  store: InsightStore;
  latest: { scores: SeriesScore[] };
  /** The pipeline interval: how many points a series gets per period. */
  intervalMs: number;
  /** IANA zone daily patterns are told in (config `timezone`). */
  timeZone?: string;
  clock?: () => number;
}

const HOUR_MS = 3_600_000;
/** Most of the days needs a few days: a shorter period has no recurring findings. */
export const RECURRING_MIN_MS = 3 * 24 * HOUR_MS;

/** The whole hours of the last period, when it is long enough to show a daily pattern. */
function recurringRange(periodMs: number, nowMs: number): TimeRange | null {
  if (periodMs < RECURRING_MIN_MS) return null;
  const toMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  return { fromMs: toMs - Math.ceil(periodMs / HOUR_MS) * HOUR_MS, toMs };
}

export function insightsRouter(deps: InsightsDeps): Router {
  const router = Router();
  const recurring = new RecurringMemo(deps.store, deps.timeZone ?? 'UTC');
  router.get('/insights', async (request, response) => {
    const query = parseOrThrow(insightsQuery, request.query, 'query');
    const periodMs = parseDuration(query.period);
    const nowMs = (deps.clock ?? Date.now)();
    const last = { fromMs: nowMs - periodMs, toMs: nowMs };
    const hours = recurringRange(periodMs, nowMs);
    const [means, anomalies, peaks] = await Promise.all([
      deps.store.rangeMeans([{ fromMs: nowMs - 2 * periodMs, toMs: last.fromMs }, last]),
      deps.store.countAnomalies(last),
      hours ? recurring.peaks(hours) : [],
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
      ...(hours && { recurring: { peaks, range: hours } }),
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
