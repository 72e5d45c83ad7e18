/**
 * A stand-in for the parts of Grafana a panel touches, since no Grafana server runs here
 * (DESIGN Decision 12): it serves the harness page with `window.grafanaBootData` for the
 * signed-in user, and answers `/api/plugin-proxy/<app id>/…` by applying plugin.json's
 * routes (role check, token injection, X-Grafana-User) before forwarding to the exporter.
 */
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import {
  decideRoute,
  grantedActions,
  interpolate,
  type AppSettings,
  type OrgRole,
  type PluginRoleRegistration,
  type PluginRoute,
  type RouteUser,
} from './plugin-routes.mjs';

export interface GrafanaUser {
  login: string;
  role: OrgRole;
  /** RBAC actions an admin assigned this user; default: what plugin.json's roles grant their org role. */
  permissions?: string[];
}

export interface GrafanaServerOptions {
  /** The built harness page (index.html and its assets). */
  staticDir: string;
  plugin: { id: string; routes: PluginRoute[]; roles?: PluginRoleRegistration[] };
  settings: AppSettings;
  user: GrafanaUser;
  /** GF_DATAPROXY_SEND_USER_HEADER: the compose file turns it on. */
  sendUserHeader: boolean;
}

export interface GrafanaServer {
  url: string;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The user as Grafana's access control sees them. */
function routeUser(options: GrafanaServerOptions): RouteUser {
  const { user, plugin } = options;
  return {
    role: user.role,
    permissions: new Set(user.permissions ?? grantedActions(plugin.roles ?? [], user.role)),
  };
}

export async function startGrafanaServer(options: GrafanaServerOptions): Promise<GrafanaServer> {
  const proxyPrefix = `/api/plugin-proxy/${options.plugin.id}/`;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://harness').pathname;
    const handled = path.startsWith(proxyPrefix)
      ? proxy(request, response, path.slice(proxyPrefix.length), options)
      : path.startsWith('/api/')
        ? Promise.resolve(sendJson(response, 404, { message: 'Not found' }))
        : serveStatic(response, path, options);
    handled.catch((error: unknown) => sendJson(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Grafana's index page carries the boot data @grafana/runtime's `config` reads at load,
 * the user's RBAC permissions among it (what `hasPermission` reads).
 */
function bootDataScript(user: GrafanaUser, access: RouteUser): string {
  const permissions = Object.fromEntries([...access.permissions].map((action) => [action, true]));
  const bootData = {
    settings: { appSubUrl: '', buildInfo: { version: '12.4.10', env: 'production' } },
    user: { login: user.login, orgRole: user.role, isSignedIn: true, theme: 'dark', orgId: 1, permissions },
    navTree: [],
    assets: { dark: '', light: '' },
  };
  return `<script>window.grafanaBootData = ${JSON.stringify(bootData)};</script>`;
}

async function serveStatic(response: ServerResponse, path: string, options: GrafanaServerOptions): Promise<void> {
  const file = normalize(join(options.staticDir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(options.staticDir)) {
    return sendJson(response, 404, { message: 'Not found' });
  }
  let body: Buffer | string;
  try {
    body = await readFile(file);
  } catch {
    return sendJson(response, 404, { message: 'Not found' });
  }
  if (extname(file) === '.html') {
    body = body.toString('utf8').replace('</head>', `${bootDataScript(options.user, routeUser(options))}</head>`);
  }
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
}

async function proxy(
  request: IncomingMessage,
  response: ServerResponse,
  proxyPath: string,
  options: GrafanaServerOptions
) {
  const decision = decideRoute(options.plugin.routes, request.method ?? 'GET', proxyPath, routeUser(options));
  if (decision.kind === 'denied') {
    return sendJson(response, 403, { message: 'plugin proxy route access denied' });
  }
  if (decision.kind === 'no-match') {
    return sendJson(response, 404, { message: 'plugin route match not found' });
  }
  const target = new URL(interpolate(decision.route.url, options.settings));
  const search = new URL(request.url ?? '/', 'http://harness').search;
  target.pathname = `${target.pathname.replace(/\/$/, '')}/${decision.rest}`;
  target.search = search;

  const headers: Record<string, string | string[] | undefined> = { ...request.headers, host: target.host };
  // Grafana drops the browser's cookies and names the user; the route's headers come last.
  delete headers.cookie;
  if (options.sendUserHeader) {
    headers['x-grafana-user'] = options.user.login;
  }
  for (const header of decision.route.headers ?? []) {
    headers[header.name.toLowerCase()] = interpolate(header.content, options.settings);
  }
  await new Promise<void>((resolve) => {
    const upstream = httpRequest(target, { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response).on('finish', resolve);
    });
    // Grafana's reverse proxy answers a bare 502 when the upstream cannot be reached.
    upstream.on('error', () => {
      response.writeHead(502).end();
      resolve();
    });
    request.pipe(upstream);
  });
}
