/**
 * Whether the signed-in Grafana user may take the operate route. Grafana itself enforces it
 * (the route's `reqRole: Editor`) and the exporter checks its token's role again; the UI only
 * mirrors it, so a Viewer sees the buttons disabled with the reason instead of a 403.
 * (No @grafana/runtime here: the browser tests import the reason text under Node.)
 */
export const OPERATE_ROLES = ['Editor', 'Admin'];

export const READ_ONLY_REASON =
  'Your Grafana role is Viewer: acknowledging and marking false positives need the Editor role (the app’s operate route).';

export function canOperate(orgRole: string | undefined): boolean {
  return orgRole !== undefined && OPERATE_ROLES.includes(orgRole);
}
