/**
 * A backtest's history read from a Prometheus-compatible server: one PromQL expression over
 * [from, to] at a step, in query_range chunks under the server's 11 000-points limit, one
 * series per service (named by the `by` labels, as the prometheus source names them).
 */
import { planChunks } from '../../sources/prometheus/range-plan.js';
import { parseResult } from '../../sources/prometheus/parse-result.js';
import type { QueryApi } from '../../sources/prometheus/query-api.js';
import { NabInputError } from '../nab/errors.js';
import type { TimedValues } from '../timed-values.js';

const MAX_POINTS_PER_QUERY = 10_000;

export interface HistoryRequest {
  expr: string;
  by: readonly string[];
  startMs: number;
  endMs: number;
  stepMs: number;
}

export interface ServiceHistory {
  service: string;
  series: TimedValues;
}

export async function readPrometheusHistory(
  api: QueryApi,
  request: HistoryRequest,
  onProgress: (line: string) => void = () => {},
): Promise<ServiceHistory[]> {
  const chunks = planChunks(request.startMs, request.endMs, request.stepMs, MAX_POINTS_PER_QUERY);
  if (chunks.length === 0) throw new NabInputError('the time range holds no step: is --from before --to?');
  const byService = new Map<string, { timestampsMs: number[]; values: number[] }>();
  let unlabelled = 0;
  for (const [k, chunk] of chunks.entries()) {
    const data = await api.queryRange(
      request.expr,
      { ...chunk, stepMs: request.stepMs },
      AbortSignal.timeout(60_000),
    );
    const parsed = parseResult(data, 'backtest', request.by);
    unlabelled = Math.max(unlabelled, parsed.unlabelled);
    for (const sample of parsed.samples) {
      const series = byService.get(sample.service) ?? { timestampsMs: [], values: [] };
      series.timestampsMs.push(sample.timestampMs);
      series.values.push(sample.value);
      byService.set(sample.service, series);
    }
    onProgress(
      `[${k + 1}/${chunks.length}] query_range ${new Date(chunk.endMs).toISOString()}: ${byService.size} series`,
    );
  }
  if (byService.size === 0) {
    throw new NabInputError(
      unlabelled > 0
        ? `the query's ${unlabelled} result series lack the label(s) ${request.by.join(', ')}: aggregate by them or pass --by`
        : 'the query returned no data in that range',
    );
  }
  return [...byService].map(([service, series]) => ({ service, series }));
}
