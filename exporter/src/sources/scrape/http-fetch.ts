/**
 * One HTTP GET of a target's metrics, the way Prometheus scrapes: OpenMetrics preferred,
 * gzip accepted, bounded in time and size. Any failure to get a complete 2xx body throws a
 * `ScrapeError` naming the target, which the pipeline reports as `omen_source_up=0`.
 *
 * Node's fetch (undici) decodes `Content-Encoding: gzip` itself, so the size limit below
 * counts decoded bytes — which is what protects memory from a small compressed bomb.
 */
import { readFile } from 'node:fs/promises';
import { formatDuration } from '../../config/duration.js';
import type { ExpositionFormat } from './exposition-parser.js';

export const ACCEPT_HEADER =
  'application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

export interface ScrapeTarget {
  url: string;
  timeoutMs: number;
  maxBodyBytes: number;
  bearerTokenFile?: string | undefined;
}

export interface FetchedExposition {
  body: string;
  /** As sent, or "" when the target sent none. */
  contentType: string;
  /** The format the content type names; undefined when it names neither exposition format. */
  format: ExpositionFormat | undefined;
}

/** The target as a whole could not be scraped. */
export class ScrapeError extends Error {
  override name = 'ScrapeError';
}

/** The URL as it may appear in logs and errors: without a password. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = 'xxxxx';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function formatOf(contentType: string): ExpositionFormat | undefined {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/openmetrics-text') return 'openmetrics';
  if (mediaType === 'text/plain') return 'text';
  return undefined;
}

// Read at every scrape, so a rotated token is picked up without a restart.
async function requestHeaders(target: ScrapeTarget, name: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    Accept: ACCEPT_HEADER,
    'Accept-Encoding': 'gzip',
    'User-Agent': 'Omen',
    'X-Prometheus-Scrape-Timeout-Seconds': String(target.timeoutMs / 1000),
  };
  if (target.bearerTokenFile === undefined) return headers;
  let token: string;
  try {
    token = (await readFile(target.bearerTokenFile, 'utf8')).trim();
  } catch (error) {
    throw new ScrapeError(`scraping ${name}: cannot read bearer token file ${target.bearerTokenFile}`, {
      cause: error,
    });
  }
  return { ...headers, Authorization: `Bearer ${token}` };
}

async function readLimited(response: Response, maxBytes: number, name: string): Promise<string> {
  const tooLarge = () => new ScrapeError(`scraping ${name}: response larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!response.headers.has('content-encoding') && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  // Leaving the loop early cancels the stream, so the rest is never downloaded.
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw tooLarge();
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed by the target',
};

interface Aborts {
  timeout: AbortSignal;
  timeoutMs: number;
  cycle: AbortSignal;
}

function failure(error: unknown, name: string, { timeout, timeoutMs, cycle }: Aborts): ScrapeError {
  if (error instanceof ScrapeError) return error;
  if (timeout.aborted) {
    return new ScrapeError(`scraping ${name}: timed out after ${formatDuration(timeoutMs)}`, {
      cause: error,
    });
  }
  if (cycle.aborted) return new ScrapeError(`scraping ${name}: cancelled`, { cause: error });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const reason =
    NETWORK_CODES[code] ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ScrapeError(`scraping ${name}: ${reason}${code && NETWORK_CODES[code] ? ` (${code})` : ''}`, {
    cause: error,
  });
}

/** GETs the target's exposition; throws a `ScrapeError` unless a complete 2xx body arrives in time. */
export async function fetchExposition(target: ScrapeTarget, cycle: AbortSignal): Promise<FetchedExposition> {
  const name = describeTarget(target.url);
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const signal = AbortSignal.any([timeout, cycle]);
  try {
    const headers = await requestHeaders(target, name);
    const response = await fetch(target.url, { headers, signal });
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status} ${response.statusText}`.trim();
      throw new ScrapeError(`scraping ${name}: the target answered HTTP ${status}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const body = await readLimited(response, target.maxBodyBytes, name);
    return { body, contentType, format: formatOf(contentType) };
  } catch (error) {
    throw failure(error, name, { timeout, timeoutMs: target.timeoutMs, cycle });
  }
}
