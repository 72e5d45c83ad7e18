/**
 * Whether the signed-in Grafana user may read, acknowledge (and give feedback) or run actions.
 * Grafana enforces it on the proxy routes (plugin.json: each route's `reqAction`, with
 * `reqRole` for a Grafana that predates plugin RBAC) and the exporter checks its token's
 * role again; the UI only mirrors it, so a user who may not sees the buttons disabled with the
 * reason instead of a 403.
 *
 * The app declares one RBAC role per permission (plugin.json `roles`), granted by default to
 * the org roles that had the matching route before RBAC: Reader to Viewers, Responder and
 * Operator to Editors (and so to Admins). An admin may grant them to anyone else (Enterprise,
 * Cloud). Where Grafana sends the user's permissions (`config.bootData.user.permissions`, what
 * `hasPermission` of @grafana/runtime reads) they decide; without them, the org role does.
 * (No @grafana/runtime here: the browser tests import these texts under Node.)
 */

/** The RBAC actions of plugin.json's roles and routes. */
export const OMEN_ACTIONS = {
  read: 'omen-predict-app.predictions:read',
  acknowledge: 'omen-predict-app.anomalies:write',
  execute: 'omen-predict-app.actions:execute',
} as const;

export type OmenPermission = keyof typeof OMEN_ACTIONS;

/** What Grafana tells the browser about the signed-in user (`config.bootData.user`). */
export interface GrafanaUserAccess {
  orgRole?: string;
  permissions?: Record<string, boolean>;
}

/** The org roles that hold each permission without RBAC (the routes' `reqRole`). */
const ROLE_FALLBACK: Record<OmenPermission, readonly string[]> = {
  read: ['Viewer', 'Editor', 'Admin'],
  acknowledge: ['Editor', 'Admin'],
  execute: ['Editor', 'Admin'],
};

/** The app's role that carries each permission, as Grafana's role picker names it. */
const ROLE_NAMES: Record<OmenPermission, string> = {
  read: 'Omen Reader',
  acknowledge: 'Omen Responder',
  execute: 'Omen Operator',
};

export const OPERATE_ROLES = ROLE_FALLBACK.acknowledge;

export const READ_ONLY_REASON =
  'Your Grafana role is Viewer: acknowledging and marking false positives need the Editor role (the app’s operate route).';

export const RUN_READ_ONLY_REASON =
  'Your Grafana role is Viewer: running actions needs the Editor role (the app’s operate route).';

const VIEWER_REASONS: Partial<Record<OmenPermission, string>> = {
  acknowledge: READ_ONLY_REASON,
  execute: RUN_READ_ONLY_REASON,
};

export function userMay(what: OmenPermission, user: GrafanaUserAccess | undefined): boolean {
  if (user?.permissions) {
    return user.permissions[OMEN_ACTIONS[what]] === true;
  }
  return user?.orgRole !== undefined && ROLE_FALLBACK[what].includes(user.orgRole);
}

/** Why `user` may not do `what`, fit for a disabled button's title; null when they may. */
export function deniedReason(what: OmenPermission, user: GrafanaUserAccess | undefined): string | null {
  if (userMay(what, user)) {
    return null;
  }
  const viewerReason = VIEWER_REASONS[what];
  if (user?.orgRole === 'Viewer' && viewerReason) {
    return viewerReason;
  }
  return `You lack the Grafana permission ${OMEN_ACTIONS[what]} (the app’s role “${ROLE_NAMES[what]}”, which an admin can grant).`;
}

/** The org-role check alone, for callers that have no permissions to hand. */
export function canOperate(orgRole: string | undefined): boolean {
  return userMay('acknowledge', { orgRole });
}
