/**
 * GET /api/v1/summary: the overview page in one call — a health score with its reasons,
 * what is anomalous now, the likeliest breaches, open incidents, recent actions and model
 * health. Built from the pipeline's latest scores and a few store reads; nothing is
 * computed from raw samples here.
 */
import { Router } from 'express';
import type { SelfMetrics } from '../../exposition/self-metrics.js';
import type { SourceHealth } from '../../pipeline/collect.js';
import { SEVERITY_LEVEL } from '../../scores/contract.js';
import type { SeriesScore } from '../../scores/series-score.js';
import { SEVERITIES, type IncidentStore, type Severity } from '../../store/store.js';
import type { SummaryResponse } from '../contract.js';
import { healthOf } from '../health-score.js';
import { incidentBody } from './incidents.js';

/** Executions of actions since a time, by result; supplied once the actions feature is wired. */
export type ActionCounts = (sinceMs: number) => Promise<Record<string, number>>;

export interface SummaryDeps {
  store: IncidentStore & { isOpen(): boolean };
  latest: { scores: SeriesScore[] };
  self: SelfMetrics;
  sourceHealth: Map<string, SourceHealth>;
  actions?: ActionCounts;
  clock?: () => number;
}

const TOP_BREACHES = 5;
const TOP_INCIDENTS = 5;
/** Open incidents counted at most; more is a storm whose exact size matters little. */
const OPEN_LIMIT = 1000;
const DAY_MS = 86_400_000;
const ACTION_RESULTS = ['success', 'failure', 'timeout', 'refused', 'pending_approval'] as const;

function activeBySeverity(scores: readonly SeriesScore[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const score of scores) {
    if (score.stale || !score.anomaly?.active) continue;
    const severity = SEVERITIES.find((s) => SEVERITY_LEVEL[s] === score.anomaly!.severity);
    if (severity) counts[severity] += 1;
  }
  return counts;
}

/** Each series' likeliest horizon, highest probability first. */
function topBreaches(scores: readonly SeriesScore[]): SummaryResponse['breaches'] {
  const breaches: SummaryResponse['breaches'] = [];
  for (const score of scores) {
    if (score.stale || !score.forecast) continue;
    let best: { horizon: string; probability: number } | null = null;
    for (const { horizon, breachProbability } of score.forecast.horizons)
      if (breachProbability !== null && (!best || breachProbability > best.probability))
        best = { horizon, probability: breachProbability };
    if (best) {
      breaches.push({
        signal: score.signal,
        service: score.service,
        ...best,
        value: score.value,
        threshold: score.threshold ?? null,
      });
    }
  }
  return breaches.sort((a, b) => b.probability - a.probability).slice(0, TOP_BREACHES);
}

async function modelHealth(self: SelfMetrics): Promise<SummaryResponse['models']> {
  const { values } = await self.modelRunSuccess.get();
  return values
    .map((v) => ({ model: String(v.labels.model), success: v.value === 1 }))
    .sort((a, b) => a.model.localeCompare(b.model));
}

async function actionsIn24h(deps: SummaryDeps, nowMs: number): Promise<SummaryResponse['actions']> {
  const counts = deps.actions ? await deps.actions(nowMs - DAY_MS) : {};
  const byResult = Object.fromEntries(ACTION_RESULTS.map((r) => [r, counts[r] ?? 0]));
  const total = Object.values(byResult).reduce((sum, n) => sum + n, 0);
  return { available: deps.actions !== undefined, last24h: { total, byResult } };
}

export function summaryRouter(deps: SummaryDeps): Router {
  const router = Router();
  router.get('/summary', async (_request, response) => {
    const nowMs = (deps.clock ?? Date.now)();
    const scores = deps.latest.scores;
    const open = (await deps.store.queryIncidents({ state: 'open', limit: OPEN_LIMIT })).items;
    const bySeverity = activeBySeverity(scores);
    const breaches = topBreaches(scores);
    const models = await modelHealth(deps.self);
    const health = healthOf({
      storeOpen: deps.store.isOpen(),
      sources: [...deps.sourceHealth].map(([name, h]) => ({ name, up: h.up })),
      incidents: open.map((i) => ({
        id: i.id,
        severity: i.severity,
        symptom: `${i.symptom.signal} of ${i.symptom.service}`,
      })),
      activeAnomalies: bySeverity,
      breaches: breaches.map((b) => ({ ...b, series: `${b.signal} of ${b.service}` })),
      models,
    });
    const body: SummaryResponse = {
      generatedAt: new Date(nowMs).toISOString(),
      health,
      anomalies: { active: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity },
      breaches,
      incidents: { open: open.length, items: open.slice(0, TOP_INCIDENTS).map(incidentBody) },
      actions: await actionsIn24h(deps, nowMs),
      models,
    };
    response.json(body);
  });
  return router;
}
