/**
 * Sparklines of the cause series an RCA ranks, drawn from the exporter's stored values
 * (GET /api/v1/signals/:signal/values): the RCA answer itself carries no values.
 */
import type { RcaResponse } from '../../api/contract';
import { isNumber, linear, linePath, valueDomain, type TimeValue } from '../Forecast/chartGeometry';

/** How far before the incident's first movement a sparkline starts, so the change shows against normal. */
export const SPARKLINE_LEAD_MS = 10 * 60_000;

/**
 * Where the causes' sparklines start (Unix ms): before the earliest onset the ranker saw
 * (else before the analysis), so the change shows against normal; null for an incident not
 * analysed yet.
 */
export function sparklineFrom(rca: Pick<RcaResponse, 'analysedAt' | 'causes'>): number | null {
  const times = [rca.analysedAt, ...rca.causes.map((cause) => cause.evidence.onsetAt)]
    .filter((time): time is string => time !== null)
    .map((time) => Date.parse(time))
    .filter(Number.isFinite);
  return times.length ? Math.min(...times) - SPARKLINE_LEAD_MS : null;
}

/** The SVG path of a sparkline filling width × height, broken at gaps; null with fewer than two values. */
export function sparklinePath(points: TimeValue[], width: number, height: number): string | null {
  const domain = valueDomain(points.map((p) => p.v));
  if (!domain || points.filter((p) => isNumber(p.v)).length < 2) {
    return null;
  }
  const times = points.map((p) => p.t);
  const x = linear(Math.min(...times), Math.max(...times), 1, width - 1);
  const y = linear(domain[0], domain[1], height - 1, 1);
  return linePath(points.map((p) => (isNumber(p.v) ? [x(p.t), y(p.v)] : null)));
}
