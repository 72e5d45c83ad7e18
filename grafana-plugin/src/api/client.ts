/**
 * The browser reaches the exporter only through the app's proxy routes (plugin.json `routes`,
 * DESIGN Decision 9): Grafana checks the user's role, injects the route's token from
 * secureJsonData and names the user, so no token ever reaches the browser.
 */
import { config } from '@grafana/runtime';
import { PLUGIN_ID } from '../constants';

/** `read` needs the Viewer role and carries the viewer token; `operate` needs Editor and the operator token. */
export type ProxyRoute = 'read' | 'operate';

export class OmenApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
    this.name = 'OmenApiError';
  }
}

export function proxyUrl(route: ProxyRoute, path: string, appSubUrl: string = config.appSubUrl ?? ''): string {
  return `${appSubUrl}/api/plugin-proxy/${PLUGIN_ID}/${route}/${path.replace(/^\/+/, '')}`;
}

/** GET through a proxy route (reads: `read`); rejects with an OmenApiError whose message is fit for the user. */
export async function getJson<T>(path: string, signal?: AbortSignal, route: ProxyRoute = 'read'): Promise<T> {
  const response = await fetch(proxyUrl(route, path), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal,
  });
  return readAnswer<T>(response);
}

async function readAnswer<T>(response: Response): Promise<T> {
  const body = parseJson(await response.text());
  if (!response.ok) {
    throw new OmenApiError(response.status, errorMessage(response.status, body));
  }
  if (body === undefined) {
    throw new OmenApiError(response.status, 'The Omen exporter answered with something that is not JSON.');
  }
  return body as T;
}

/**
 * POST a JSON body through a proxy route (state changes: `operate`, which Grafana grants to
 * Editors only); the exporter audits the call under the Grafana user the proxy names.
 */
export async function postJson<T>(
  path: string,
  body: unknown,
  route: ProxyRoute = 'operate',
  headers: Record<string, string> = {}
): Promise<T> {
  const response = await fetch(proxyUrl(route, path), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return readAnswer<T>(response);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The exporter's errors are `{ error: { message } }`; Grafana's proxy answers `{ message }`
 * (for example "plugin proxy route access denied"); a 502 means Grafana could not reach the exporter.
 */
export function errorMessage(status: number, body: unknown): string {
  const exporterMessage = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  if (typeof exporterMessage === 'string') {
    return `Omen exporter: ${exporterMessage} (HTTP ${status})`;
  }
  const grafanaMessage = (body as { message?: unknown } | undefined)?.message;
  if (typeof grafanaMessage === 'string') {
    return `Grafana: ${grafanaMessage} (HTTP ${status})`;
  }
  if (status === 502 || status === 504) {
    return `Grafana cannot reach the Omen exporter (HTTP ${status}): check the exporter URL in the app's configuration.`;
  }
  return `The Omen exporter request failed with HTTP ${status}.`;
}
