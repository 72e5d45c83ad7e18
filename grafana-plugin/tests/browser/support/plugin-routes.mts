/**
 * plugin.json `routes` applied the way Grafana's plugin proxy applies them (pkg/api/pluginproxy):
 * routes are tried in order; the first whose method and path pattern match is the one; its
 * `reqRole` is then checked against the user's org role; its URL and headers are templates
 * over the app's jsonData and secureJsonData.
 */
export type OrgRole = 'Viewer' | 'Editor' | 'Admin';

export interface PluginRoute {
  path: string;
  method?: string;
  reqRole?: OrgRole;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

export interface AppSettings {
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

const ROLE_RANK: Record<OrgRole, number> = { Viewer: 1, Editor: 2, Admin: 3 };

export const hasRole = (userRole: OrgRole, required: OrgRole) => ROLE_RANK[userRole] >= ROLE_RANK[required];

/**
 * Grafana matches a route's path as a router pattern: literal segments, optionally ending in
 * `*` for the rest. Only that subset is supported here; anything else is refused so that a
 * route this stand-in cannot judge fails loudly instead of being matched differently.
 */
export function matchPath(pattern: string, proxyPath: string): { rest: string } | undefined {
  const star = pattern.indexOf('*');
  if (/[:{}]/.test(pattern) || (star !== -1 && star !== pattern.length - 1)) {
    throw new Error(`plugin route path "${pattern}" uses a pattern the harness proxy does not implement`);
  }
  if (!pattern.endsWith('*')) {
    return pattern === proxyPath ? { rest: '' } : undefined;
  }
  const prefix = pattern.slice(0, -1);
  return proxyPath.startsWith(prefix) ? { rest: proxyPath.slice(prefix.length) } : undefined;
}

export type RouteDecision =
  { kind: 'forward'; route: PluginRoute; rest: string } | { kind: 'denied' } | { kind: 'no-match' };

export function decideRoute(routes: PluginRoute[], method: string, proxyPath: string, role: OrgRole): RouteDecision {
  for (const route of routes) {
    if (route.method && route.method !== '*' && route.method !== method) {
      continue;
    }
    const match = matchPath(route.path, proxyPath);
    if (!match) {
      continue;
    }
    if (route.reqRole && !hasRole(role, route.reqRole)) {
      return { kind: 'denied' };
    }
    return { kind: 'forward', route, rest: match.rest };
  }
  return { kind: 'no-match' };
}

/** `{{ .JsonData.key }}` and `{{ .SecureJsonData.key }}`, rendered like Grafana's templates (a missing key renders empty here). */
export function interpolate(template: string, settings: AppSettings): string {
  return template.replace(/\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g, (_all, scope: string, key: string) => {
    const value = scope === 'JsonData' ? settings.jsonData[key] : settings.secureJsonData[key];
    return value === undefined ? '' : String(value);
  });
}
