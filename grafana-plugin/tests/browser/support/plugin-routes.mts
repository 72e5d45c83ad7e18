/**
 * plugin.json `routes` applied the way Grafana's plugin proxy applies them (pkg/api/pluginproxy):
 * routes are tried in order; the first whose method and path pattern match is the one; its
 * `reqAction`, when it has one, is checked against the user's RBAC permissions, else its
 * `reqRole` against the user's org role; its URL and headers are templates over the app's
 * jsonData and secureJsonData. A user's permissions come from plugin.json `roles` as Grafana
 * registers them: each role's `grants` name a basic role, and Editors and Admins inherit what
 * Viewers are granted (Admins what Editors are), unless a test assigns permissions itself.
 */
export type OrgRole = 'Viewer' | 'Editor' | 'Admin';

export interface PluginRoute {
  path: string;
  method?: string;
  reqRole?: OrgRole;
  reqAction?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

export interface AppSettings {
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

export interface PluginRoleRegistration {
  role: { name: string; description?: string; permissions: Array<{ action: string; scope?: string }> };
  grants: OrgRole[];
}

/** Who is asking: their org role and the RBAC actions they hold. */
export interface RouteUser {
  role: OrgRole;
  permissions: ReadonlySet<string>;
}

const ROLE_RANK: Record<OrgRole, number> = { Viewer: 1, Editor: 2, Admin: 3 };

export const hasRole = (userRole: OrgRole, required: OrgRole) => ROLE_RANK[userRole] >= ROLE_RANK[required];

/** The actions plugin.json's roles grant an org role, with the basic roles' inheritance. */
export function grantedActions(roles: readonly PluginRoleRegistration[], userRole: OrgRole): Set<string> {
  const actions = new Set<string>();
  for (const registration of roles) {
    if (registration.grants.some((granted) => hasRole(userRole, granted))) {
      registration.role.permissions.forEach((permission) => actions.add(permission.action));
    }
  }
  return actions;
}

function mayTake(route: PluginRoute, user: RouteUser): boolean {
  if (route.reqAction) {
    return user.permissions.has(route.reqAction);
  }
  return !route.reqRole || hasRole(user.role, route.reqRole);
}

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

export function decideRoute(routes: PluginRoute[], method: string, proxyPath: string, user: RouteUser): RouteDecision {
  for (const route of routes) {
    if (route.method && route.method !== '*' && route.method !== method) {
      continue;
    }
    const match = matchPath(route.path, proxyPath);
    if (!match) {
      continue;
    }
    if (!mayTake(route, user)) {
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
