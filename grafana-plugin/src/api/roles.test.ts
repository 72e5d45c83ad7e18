import pluginJson from '../plugin.json';
import { canOperate, deniedReason, OMEN_ACTIONS, READ_ONLY_REASON, userMay } from './roles';

test('without permissions from Grafana, the org role decides: Editors and Admins operate, Viewers read', () => {
  expect(canOperate('Editor')).toBe(true);
  expect(canOperate('Admin')).toBe(true);
  expect(canOperate('Viewer')).toBe(false);
  expect(canOperate('None')).toBe(false);
  expect(canOperate(undefined)).toBe(false);
  expect(userMay('read', { orgRole: 'Viewer' })).toBe(true);
  expect(userMay('execute', { orgRole: 'Viewer' })).toBe(false);
  expect(userMay('read', undefined)).toBe(false);
});

test('with permissions from Grafana, they decide whatever the org role', () => {
  const responder = { orgRole: 'Viewer', permissions: { [OMEN_ACTIONS.read]: true, [OMEN_ACTIONS.acknowledge]: true } };
  expect(userMay('acknowledge', responder)).toBe(true);
  expect(userMay('execute', responder)).toBe(false);
  const restrictedEditor = { orgRole: 'Editor', permissions: { [OMEN_ACTIONS.read]: true } };
  expect(userMay('acknowledge', restrictedEditor)).toBe(false);
  expect(userMay('read', restrictedEditor)).toBe(true);
});

test('the reason names the Editor role for a Viewer, and the missing permission otherwise', () => {
  expect(deniedReason('acknowledge', { orgRole: 'Editor' })).toBeNull();
  expect(deniedReason('acknowledge', { orgRole: 'Viewer' })).toBe(READ_ONLY_REASON);
  expect(deniedReason('execute', { orgRole: 'Editor', permissions: {} })).toBe(
    'You lack the Grafana permission omen-predict-app.actions:execute (the app’s role “Omen Operator”, which an admin can grant).'
  );
});

test('plugin.json declares a role for each permission, granted to the org roles of the fallback', () => {
  const grantsOf = (action: string) =>
    pluginJson.roles.filter((r) => r.role.permissions.some((p) => p.action === action)).flatMap((r) => r.grants);
  expect(grantsOf(OMEN_ACTIONS.read)).toEqual(['Viewer']);
  expect(grantsOf(OMEN_ACTIONS.acknowledge)).toEqual(['Editor']);
  expect(grantsOf(OMEN_ACTIONS.execute)).toEqual(['Editor']);
  for (const route of pluginJson.routes) {
    expect(Object.values(OMEN_ACTIONS)).toContain(route.reqAction);
    expect(route.reqRole).toBe(route.reqAction === OMEN_ACTIONS.read ? 'Viewer' : 'Editor');
  }
});
