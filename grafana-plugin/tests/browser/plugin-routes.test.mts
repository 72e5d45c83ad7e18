/**
 * The harness proxy's reading of plugin.json's routes and roles, on the real plugin.json:
 * the role grants and route permissions Grafana would apply, with no server or browser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { OMEN_ACTIONS } from '../../src/api/roles';
import {
  decideRoute,
  grantedActions,
  type OrgRole,
  type PluginRoleRegistration,
  type PluginRoute,
  type RouteUser,
} from './support/plugin-routes.mjs';

const plugin: { routes: PluginRoute[]; roles: PluginRoleRegistration[] } = JSON.parse(
  readFileSync(new URL('../../src/plugin.json', import.meta.url), 'utf8')
);

const byRole = (role: OrgRole): RouteUser => ({ role, permissions: grantedActions(plugin.roles, role) });
const decide = (user: RouteUser, method: string, path: string) => {
  const decision = decideRoute(plugin.routes, method, path, user);
  return decision.kind === 'forward' ? `forward ${decision.route.url} + ${decision.rest}` : decision.kind;
};

describe("plugin.json's roles and routes", () => {
  test('grant Viewers reading, Editors and Admins also acknowledging and running actions', () => {
    assert.deepEqual([...grantedActions(plugin.roles, 'Viewer')], [OMEN_ACTIONS.read]);
    for (const role of ['Editor', 'Admin'] as const) {
      assert.deepEqual([...grantedActions(plugin.roles, role)].sort(), Object.values(OMEN_ACTIONS).sort());
    }
  });

  test('send each call to the route of its permission, refusing those who lack it', () => {
    const viewer = byRole('Viewer');
    const editor = byRole('Editor');
    assert.equal(decide(viewer, 'GET', 'read/api/v1/signals'), 'forward {{ .JsonData.exporterUrl }} + api/v1/signals');
    assert.equal(decide(viewer, 'POST', 'operate/api/v1/anomalies/4/ack'), 'denied');
    assert.equal(
      decide(editor, 'POST', 'operate/api/v1/actions/page-oncall/execute'),
      'forward {{ .JsonData.exporterUrl }}/api/v1/actions + page-oncall/execute'
    );
    assert.equal(
      decide(editor, 'POST', 'operate/api/v1/executions/9/approve'),
      'forward {{ .JsonData.exporterUrl }}/api/v1/executions + 9/approve'
    );
    assert.equal(
      decide(editor, 'POST', 'operate/api/v1/anomalies/4/ack'),
      'forward {{ .JsonData.exporterUrl }} + api/v1/anomalies/4/ack'
    );
  });

  test('follow the user’s permissions over their org role where an admin assigned them', () => {
    const responderOnly: RouteUser = {
      role: 'Editor',
      permissions: new Set([OMEN_ACTIONS.read, OMEN_ACTIONS.acknowledge]),
    };
    assert.equal(decide(responderOnly, 'POST', 'operate/api/v1/actions/page-oncall/execute'), 'denied');
    assert.equal(decide(responderOnly, 'POST', 'operate/api/v1/executions/9/approve'), 'denied');
    assert.match(decide(responderOnly, 'POST', 'operate/api/v1/anomalies/4/feedback'), /^forward/);
    const operatorViewer: RouteUser = { role: 'Viewer', permissions: new Set([OMEN_ACTIONS.execute]) };
    assert.match(decide(operatorViewer, 'POST', 'operate/api/v1/actions/page-oncall/execute'), /^forward/);
  });

  test('fall back to reqRole on a route without reqAction, as Grafana does', () => {
    const routes: PluginRoute[] = [{ path: 'legacy/*', reqRole: 'Editor', url: 'http://x' }];
    assert.equal(decideRoute(routes, 'GET', 'legacy/a', { role: 'Viewer', permissions: new Set() }).kind, 'denied');
    assert.equal(decideRoute(routes, 'GET', 'legacy/a', { role: 'Admin', permissions: new Set() }).kind, 'forward');
  });
});
