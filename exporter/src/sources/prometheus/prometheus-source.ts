/**
 * The `prometheus` source: each signal is one PromQL expression evaluated by a
 * Prometheus-compatible query API. The first collect backfills the lookback window with
 * chunked query_range requests; every later collect reads only the evaluations since the
 * last one it returned, so the gap left by an outage is read back when the server returns.
 *
 * A server that cannot answer makes the collect throw (`omen_source_up=0`); after repeated
 * failures the circuit breaker stops sending requests for a growing while. A query the
 * server refuses only costs its own signal, and unusable values are counted, not stored.
 */
import { readFile } from 'node:fs/promises';
import { parseDuration } from '../../config/duration.js';
import type { PrometheusSourceConfig, SignalConfig } from '../../config/schema.js';
import type { Logger } from '../../log/logger.js';
import type { SampleStore } from '../../store/store.js';
import type { CollectContext, CollectResult, SeriesSample, Source } from '../source.js';
import { authHeaders } from './auth.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { ReadCursor, type PendingRange } from './cursor.js';
import type { HttpOptions } from './http-post.js';
import { parseResult } from './parse-result.js';
import { signalQuery } from './promql.js';
import { createQueryApi, QueryApiError, type Poster, type QueryApi } from './query-api.js';
import { planChunks, type RangeChunk } from './range-plan.js';
import { abortableSleep, withRetries, type RetryPolicy } from './retry.js';
import { UnusableReporter } from './unusable-reporter.js';

/** pipeline.interval's default, for a source built without knowing the interval. */
export const DEFAULT_STEP_MS = 15_000;
// Chunks bound the points per series, not the series: this bounds the memory of one answer.
const MAX_ANSWER_BYTES = 256 * 1024 * 1024;

export interface PrometheusSourceDeps {
  logger?: Logger | undefined;
  /** The pipeline interval: the step when the config sets none. */
  intervalMs?: number | undefined;
  /** Where a restart resumes from: each signal's newest stored sample (no second backfill). */
  store?: Pick<SampleStore, 'listSeries'> | undefined;
  env?: NodeJS.ProcessEnv;
  sleep?: RetryPolicy['sleep'];
  post?: Poster;
}

interface SignalQuery {
  name: string;
  by: readonly string[];
  expr: string;
}

interface Plan {
  query: SignalQuery;
  range: PendingRange;
  chunks: RangeChunk[];
}

const isRetryable = (error: unknown) => error instanceof QueryApiError && error.retryable;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function httpOptionsFor(
  config: PrometheusSourceConfig,
  env: NodeJS.ProcessEnv,
): () => Promise<HttpOptions> {
  const timeoutMs = parseDuration(config.queryTimeout);
  const caFile = config.tls.caFile;
  return async () => ({
    timeoutMs,
    maxBodyBytes: MAX_ANSWER_BYTES,
    headers: await authHeaders(config, env),
    ca: caFile === undefined ? undefined : await readFile(caFile, 'utf8'),
    insecureSkipVerify: config.tls.insecureSkipVerify,
  });
}

export function createPrometheusSource(
  config: PrometheusSourceConfig,
  signals: SignalConfig[],
  deps: PrometheusSourceDeps = {},
): Source {
  const stepMs = config.step ? parseDuration(config.step) : (deps.intervalMs ?? DEFAULT_STEP_MS);
  const queries: SignalQuery[] = signals
    .filter((signal) => !signal.sources || signal.sources.includes(config.name))
    .map((signal) => ({ name: signal.name, by: signal.by, expr: signalQuery(signal, config.rateWindow) }));
  const api: QueryApi = createQueryApi(
    config.url,
    httpOptionsFor(config, deps.env ?? process.env),
    deps.post,
  );
  const cursor = new ReadCursor(stepMs, parseDuration(config.lookback));
  const breaker = new CircuitBreaker({
    failures: config.circuitBreaker.failures,
    openMs: parseDuration(config.circuitBreaker.openFor),
    maxOpenMs: parseDuration(config.circuitBreaker.maxOpenFor),
  });
  const retry: RetryPolicy = {
    retries: config.retries,
    backoffMs: parseDuration(config.retryBackoff),
    sleep: deps.sleep ?? abortableSleep,
  };
  const logger = deps.logger;
  const unusable = new UnusableReporter(logger);
  const refused = new Map<string, string>();
  let failing = false;
  let resumed = false;

  // The store appends without deduplicating: a restart must not read the lookback again.
  async function resumeFromStore(): Promise<void> {
    resumed = true;
    if (!deps.store) return;
    try {
      const names = new Set(queries.map((query) => query.name));
      for (const series of await deps.store.listSeries()) {
        if (names.has(series.signal)) cursor.resume(series.signal, series.lastSampleMs);
      }
    } catch (error) {
      logger?.warn(
        { err: messageOf(error) },
        'cannot read the store’s newest samples; backfilling the lookback',
      );
    }
  }

  /** One signal's whole pending range, or nothing: a half-read range would be read again. */
  async function readPlan(plan: Plan, progress: () => void, abort: AbortSignal): Promise<SeriesSample[]> {
    const samples: SeriesSample[] = [];
    for (const chunk of plan.chunks) {
      const data = await withRetries(
        () => api.queryRange(plan.query.expr, { ...chunk, stepMs }, abort),
        isRetryable,
        retry,
        abort,
      );
      const parsed = parseResult(data, plan.query.name, plan.query.by);
      unusable.add(plan.query.name, parsed);
      samples.push(...parsed.samples);
      progress();
    }
    return samples;
  }

  // A refused query (bad PromQL) is the signal's problem, logged when it starts or changes.
  function noteRefused(name: string, error: QueryApiError | undefined): void {
    const message = error?.message;
    if (message !== undefined && refused.get(name) !== message) {
      logger?.warn({ signal: name, err: message }, 'the server refused the signal’s query');
    }
    if (message === undefined) refused.delete(name);
    else refused.set(name, message);
  }

  async function readAll(nowMs: number, abort: AbortSignal): Promise<CollectResult> {
    const plans: Plan[] = queries.flatMap((query) => {
      const range = cursor.pending(query.name, nowMs);
      if (!range) return [];
      return [
        { query, range, chunks: planChunks(range.startMs, range.endMs, stepMs, config.maxPointsPerRequest) },
      ];
    });
    const total = plans.reduce((sum, plan) => sum + plan.chunks.length, 0);
    const phase = plans.some((plan) => plan.range.backfill) ? 'backfill' : 'catch-up';
    let done = 0;
    const progress = () => {
      done += 1;
      if (phase === 'backfill' || total > plans.length)
        logger?.info({ done, total }, `${phase} ${done}/${total} chunks`);
    };
    unusable.start();
    const samples: SeriesSample[] = [];
    const advances: [string, number][] = [];
    const errors: QueryApiError[] = [];
    for (const plan of plans) {
      try {
        samples.push(...(await readPlan(plan, progress, abort)));
        advances.push([plan.query.name, plan.range.endMs]);
        noteRefused(plan.query.name, undefined);
      } catch (error) {
        // Anything but a refused query means the server failed us: the collect fails whole.
        if (!(error instanceof QueryApiError) || error.fault !== 'query') throw error;
        errors.push(error);
        noteRefused(plan.query.name, error);
      }
    }
    if (plans.length > 0 && errors.length === plans.length) throw errors[0];
    // Committed only now: a collect that throws leaves every cursor where it was.
    for (const [name, endMs] of advances) cursor.advance(name, endMs);
    if (failing || phase === 'backfill') logReadBack(plans, samples.length, phase);
    return { samples, parseErrors: unusable.finish() };
  }

  function logReadBack(plans: Plan[], count: number, phase: string) {
    if (plans.length === 0) return;
    const from = Math.min(...plans.map((plan) => plan.range.startMs));
    const to = Math.max(...plans.map((plan) => plan.range.endMs));
    const what = phase === 'backfill' ? 'backfill done' : 'caught up after failures';
    logger?.info(
      {
        server: api.server,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        samples: count,
      },
      what,
    );
  }

  return {
    name: config.name,
    kind: 'prometheus',
    async collect({ nowMs, abort }: CollectContext): Promise<CollectResult> {
      breaker.check(nowMs);
      if (!resumed) await resumeFromStore();
      try {
        const result = await readAll(nowMs, abort);
        breaker.succeeded();
        failing = false;
        return result;
      } catch (error) {
        failing = true;
        const openMs = breaker.failed(nowMs, messageOf(error));
        if (openMs !== undefined) {
          logger?.warn(
            { server: api.server, err: messageOf(error) },
            `circuit open: ${breaker.describe(openMs)}`,
          );
        }
        throw error;
      }
    },
  };
}
