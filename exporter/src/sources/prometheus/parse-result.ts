/**
 * The `data` of a Prometheus API answer (a matrix from query_range, a vector from query)
 * turned into Omen's samples. Values arrive as strings and may be "NaN", "+Inf" or "-Inf":
 * those, and series missing a `by` label, are unusable — counted, never stored.
 */
import { serviceOf } from '../scrape/signal-evaluation.js';
import type { SeriesSample } from '../source.js';

export interface ParsedResult {
  samples: SeriesSample[];
  /** Non-finite or malformed values. */
  badValues: number;
  /** Result series without every `by` label (the query does not aggregate by them). */
  unlabelled: number;
  /** Result series that map onto a service already seen (the query keeps extra labels). */
  duplicates: number;
}

/** The answer's `data` was not a matrix or vector of the documented shape. */
export class ResultShapeError extends Error {
  override name = 'ResultShapeError';
}

type Pair = [number, string];

function isPair(value: unknown): value is Pair {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string';
}

// Prometheus writes +Inf/-Inf, which Number() does not read; both are dropped anyway.
export function finite(text: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function seriesOf(data: unknown): { metric: Record<string, string>; pairs: unknown[] }[] {
  const { resultType, result } = (data ?? {}) as { resultType?: unknown; result?: unknown };
  if (!Array.isArray(result)) throw new ResultShapeError('the answer has no result list');
  if (resultType !== 'matrix' && resultType !== 'vector') {
    throw new ResultShapeError(`expected a matrix or vector result, got ${String(resultType)}`);
  }
  return result.map((entry: unknown) => {
    const { metric, values, value } = (entry ?? {}) as Record<string, unknown>;
    const pairs = resultType === 'matrix' ? values : [value];
    if (typeof metric !== 'object' || metric === null || !Array.isArray(pairs)) {
      throw new ResultShapeError(`malformed ${resultType} entry`);
    }
    return { metric: metric as Record<string, string>, pairs };
  });
}

/** Samples of one signal from an answer's `data`; throws `ResultShapeError` on a wrong shape. */
export function parseResult(data: unknown, signal: string, by: readonly string[]): ParsedResult {
  const parsed: ParsedResult = { samples: [], badValues: 0, unlabelled: 0, duplicates: 0 };
  const seen = new Set<string>();
  for (const { metric, pairs } of seriesOf(data)) {
    const service = serviceOf(metric, by);
    if (service === undefined) {
      parsed.unlabelled += 1;
      continue;
    }
    if (seen.has(service)) {
      parsed.duplicates += 1;
      continue;
    }
    seen.add(service);
    for (const pair of pairs) {
      const value = isPair(pair) ? finite(pair[1]) : undefined;
      if (value === undefined) parsed.badValues += 1;
      else parsed.samples.push({ signal, service, timestampMs: Math.round((pair as Pair)[0] * 1000), value });
    }
  }
  return parsed;
}
