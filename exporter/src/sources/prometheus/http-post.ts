/**
 * One form POST to the query API through node:http/https (Node's fetch takes TLS options
 * only through undici's Agent, which is not a dependency here): a deadline for the whole
 * exchange, the cycle's abort signal, a size limit, and TLS options. Failures are typed
 * so the retry policy can tell a down server (retry) from a refused query (do not).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  headers: Record<string, string>;
  /** PEM CA certificates; undefined uses Node's bundle. */
  ca?: string | undefined;
  insecureSkipVerify?: boolean | undefined;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** The exchange did not complete: no answer to judge. `retryable` unless cancelled. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate (set tls.caFile)',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in chain (set tls.caFile)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate not trusted (set tls.caFile)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate does not match the host name',
  CERT_HAS_EXPIRED: 'certificate has expired',
};

function describeNetworkError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  const known = NETWORK_CODES[code];
  return known ? `${known} (${code})` : error.message;
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) {
      response.destroy();
      throw new TransportError(`answer larger than ${maxBytes} bytes`, false);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** POSTs `form` to `url`; resolves with any HTTP answer, throws `TransportError` otherwise. */
export function postForm(
  url: URL,
  form: URLSearchParams,
  options: HttpOptions,
  cancel: AbortSignal,
): Promise<HttpAnswer> {
  const body = form.toString();
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancel.removeEventListener('abort', onCancel);
      outcome();
    };
    const fail = (error: TransportError) => finish(() => reject(error));
    const request = send(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(Buffer.byteLength(body)),
        Accept: 'application/json',
        'User-Agent': 'Omen',
      },
      ca: options.ca,
      rejectUnauthorized: !options.insecureSkipVerify,
    });
    const timer = setTimeout(() => {
      fail(new TransportError(`no complete answer within ${options.timeoutMs} ms`, true));
      request.destroy();
    }, options.timeoutMs);
    const onCancel = () => {
      fail(new TransportError('cancelled', false));
      request.destroy();
    };
    if (cancel.aborted) return onCancel();
    cancel.addEventListener('abort', onCancel, { once: true });
    request.on('error', (error) =>
      fail(new TransportError(describeNetworkError(error), true, { cause: error })),
    );
    request.on('response', (response) => {
      readBody(response, options.maxBodyBytes).then(
        (text) => finish(() => resolve({ status: response.statusCode ?? 0, body: text })),
        (error: unknown) =>
          fail(
            error instanceof TransportError
              ? error
              : new TransportError(describeNetworkError(error as NodeJS.ErrnoException), true, {
                  cause: error,
                }),
          ),
      );
    });
    request.end(body);
  });
}
