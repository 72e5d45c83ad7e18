/**
 * The two endpoints of the Prometheus HTTP API Omen uses, `query_range` and `query`,
 * under a configurable base URL (so Mimir's `/prometheus`, Thanos Query and
 * VictoriaMetrics' `/select/0/prometheus` work the same). Every failure becomes a
 * `QueryApiError` that names the server and the expression and says whether the server
 * is at fault (retry, count towards the circuit breaker) or the query is (do not retry).
 */
import { describeTarget } from '../scrape/http-fetch.js';
import { postForm, TransportError, type HttpOptions } from './http-post.js';

export type Poster = typeof postForm;

export interface QueryApi {
  /** The server as it may appear in logs: no password. */
  readonly server: string;
  queryRange(
    expr: string,
    range: { startMs: number; endMs: number; stepMs: number },
    cancel: AbortSignal,
  ): Promise<unknown>;
  query(expr: string, timeMs: number, cancel: AbortSignal): Promise<unknown>;
}

export class QueryApiError extends Error {
  override name = 'QueryApiError';
  constructor(
    message: string,
    /** `server`: down, overloaded, refusing us; `query`: the expression was refused. */
    readonly fault: 'server' | 'query',
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const EXPRESSION_SHOWN = 160;
const shorten = (expr: string) =>
  expr.length > EXPRESSION_SHOWN ? `${expr.slice(0, EXPRESSION_SHOWN)}…` : expr;

interface ApiBody {
  status?: unknown;
  data?: unknown;
  errorType?: unknown;
  error?: unknown;
}

function parseBody(text: string): ApiBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? (body as ApiBody) : undefined;
  } catch {
    return undefined;
  }
}

type Fail = (reason: string, fault: 'server' | 'query', retry: boolean) => never;

/** Why an answer that is not a success failed, and whose fault it is. */
function judgeFailure(status: number, body: ApiBody | undefined, fail: Fail): never {
  const said = body
    ? `${String(body.errorType ?? 'error')}: ${String(body.error ?? 'no message')}`
    : undefined;
  const detail = said ? ` (${said})` : '';
  // 503 with errorType "unavailable" included: an overloaded or starting server.
  if (status === 429 || status >= 500) return fail(`HTTP ${status}${detail}`, 'server', true);
  if (status === 401 || status === 403) {
    return fail(`HTTP ${status}: not authorised (check the credentials)`, 'server', false);
  }
  if (said && (status === 400 || status === 422 || status === 200)) return fail(said, 'query', false);
  if (!body) {
    return fail(
      `HTTP ${status} with a body that is not JSON (is the URL the API's base URL?)`,
      'server',
      false,
    );
  }
  return fail(`HTTP ${status}${detail}`, 'server', false);
}

/** The `data` of a successful answer; anything else throws through `fail`. */
function judge(status: number, text: string, fail: Fail): unknown {
  const body = parseBody(text);
  if (body?.status === 'success') return body.data;
  return judgeFailure(status, body, fail);
}

export function createQueryApi(
  baseUrl: string,
  http: () => Promise<HttpOptions>,
  post: Poster = postForm,
): QueryApi {
  const server = describeTarget(baseUrl);
  const endpoint = (path: string) => new URL(`${baseUrl.replace(/\/+$/, '')}/api/v1/${path}`);

  async function call(
    path: string,
    expr: string,
    form: URLSearchParams,
    cancel: AbortSignal,
  ): Promise<unknown> {
    const fail = (reason: string, fault: 'server' | 'query', retryable: boolean, cause?: unknown): never => {
      throw new QueryApiError(`prometheus ${server}: query ${shorten(expr)}: ${reason}`, fault, retryable, {
        cause,
      });
    };
    let answer;
    try {
      answer = await post(endpoint(path), form, await http(), cancel);
    } catch (error) {
      if (error instanceof TransportError) return fail(error.message, 'server', error.retryable, error);
      const reason = error instanceof Error ? error.message : String(error);
      return fail(reason, 'server', false, error);
    }
    return judge(answer.status, answer.body, fail);
  }

  return {
    server,
    queryRange(expr, { startMs, endMs, stepMs }, cancel) {
      const form = new URLSearchParams({
        query: expr,
        start: String(startMs / 1000),
        end: String(endMs / 1000),
        step: String(stepMs / 1000),
      });
      return call('query_range', expr, form, cancel);
    },
    query(expr, timeMs, cancel) {
      return call('query', expr, new URLSearchParams({ query: expr, time: String(timeMs / 1000) }), cancel);
    },
  };
}
