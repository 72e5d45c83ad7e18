/**
 * The actions panel on the demo's open incident (demo-incident.test.mts), with the harness
 * exporter's webhook action posting to the test's receiver: an Editor's Run goes through a
 * confirm dialog naming the action and the incident, then through the operate route with an
 * Idempotency-Key; a retried request keeps its key and is not run twice; the audit row is
 * the exporter's and the result links to it; a Viewer sees Run disabled with the reason.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import type { AuditResponse } from '../../../src/api/contract';
import { RUN_READ_ONLY_REASON } from '../../../src/api/roles';
import { testIds } from '../../../src/components/testIds';
import { PAGE_ONCALL } from '../support/omen.mjs';
import { byTestId, EDITOR, pluginJson, screenshot, VIEWER, type Session } from '../support/session.mjs';

const EXECUTE = `/api/plugin-proxy/${pluginJson.id}/operate/api/v1/actions/${PAGE_ONCALL.id}/execute`;

/** Run → the confirm dialog (checked to name the action and an incident) → a note → Run; the incident id named. */
async function confirmRun(page: Page, note: string): Promise<string> {
  const row = page.locator(`[data-action-id="${PAGE_ONCALL.id}"]`);
  await row.locator(byTestId(testIds.actions.run)).click();
  const dialog = page.getByRole('dialog');
  const text = (await dialog.textContent()) ?? '';
  assert.match(
    text,
    new RegExp(`${PAGE_ONCALL.title} \\(${PAGE_ONCALL.id}\\) on incident \\S+ \\(error_ratio · \\w+\\)`)
  );
  await dialog.getByLabel('note').fill(note);
  await dialog.getByRole('button', { name: 'Run' }).click();
  return /on incident (\S+) /.exec(text)![1]!;
}

export function actionsPanelTests(current: () => Session) {
  describe('actions panel', () => {
    test('a Viewer sees every Run disabled, with the reason', async () => {
      const session = current();
      const grafana = await session.grafanaFor(VIEWER);
      const page = await session.browser.context.newPage();
      await page.goto(`${grafana.url}/?panel=actions`);
      const runs = page.locator(byTestId(testIds.actions.run));
      await runs.first().waitFor();
      assert.equal(await runs.count(), 2, 'both catalog actions are listed');
      for (const run of await runs.all()) {
        assert.equal(await run.isDisabled(), true);
        assert.equal(await run.getAttribute('title'), RUN_READ_ONLY_REASON);
      }
      const banner = (await page.locator(byTestId(testIds.actions.readOnly)).textContent()) ?? '';
      assert.ok(banner.includes(RUN_READ_ONLY_REASON), banner);
      await screenshot(page, 'actions-panel-viewer');
      await page.close();
    });

    test('an Editor’s confirmed Run is executed once, audited under their name, and retried with the same key', async () => {
      const session = current();
      const grafana = await session.grafanaFor(EDITOR);
      const page = await session.browser.context.newPage();
      const keys: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && keys.push(r.headers()['idempotency-key'] ?? ''));
      // The first answer is lost on the way back (the exporter did run it): the panel offers a retry.
      const loseAnswer = async (route: Route) => {
        await route.fetch();
        await route.fulfill({ status: 502, body: '' });
      };
      await page.route(`**${EXECUTE}`, loseAnswer, { times: 1 });
      await page.goto(`${grafana.url}/?panel=actions`);
      await page.locator(byTestId(testIds.actions.run)).first().waitFor();

      const incidentId = await confirmRun(page, 'from the browser test');
      const result = page.locator(byTestId(testIds.actions.result));
      await result.getByText('HTTP 502').waitFor();
      await page.locator(byTestId(testIds.actions.retry)).click();
      await result.getByText('succeeded').waitFor();
      assert.match((await result.textContent()) ?? '', /already run with this key/);
      assert.equal(keys.length, 2);
      assert.match(keys[0]!, /^[0-9a-f]{32}$/);
      assert.equal(keys[1], keys[0], 'the retry sent the same Idempotency-Key');
      assert.equal(session.webhook.received.length, 1, 'the webhook was called once');
      assert.deepEqual(session.webhook.received[0]!.body, {
        action: PAGE_ONCALL.id,
        incident: incidentId,
        actor: 'eddie',
        note: 'from the browser test',
      });

      const audit = await session.omen.get<AuditResponse>('/api/v1/audit?action=action.execute');
      const rows = audit.items.filter((entry) => entry.parameters.idempotencyKey === keys[0]);
      assert.deepEqual(
        rows.map(({ actor, target, result: outcome, parameters }) => [actor, target, outcome, parameters.action]),
        [
          ['eddie', `incident:${incidentId}`, 'replayed', PAGE_ONCALL.id],
          ['eddie', `incident:${incidentId}`, 'success', PAGE_ONCALL.id],
        ]
      );
      await screenshot(page, 'actions-panel-succeeded');

      // The result's link opens the Actions page's audit log filtered to this click.
      const href = (await page.locator(byTestId(testIds.actions.auditLink)).getAttribute('href')) ?? '';
      assert.equal(href, `/a/${pluginJson.id}/actions?action=action.execute&actor=eddie&key=${keys[0]}`);
      await page.goto(`${grafana.url}/${href.slice(href.indexOf('?'))}&page=actions`);
      const auditRows = page.locator(`${byTestId(testIds.actions.audit)} tbody tr`);
      await auditRows.first().waitFor();
      assert.equal(await auditRows.count(), 2);
      await screenshot(page, 'actions-audit-filtered', 'harness-page');

      // A new confirmed click is a new request: a fresh key, a second execution.
      await page.goto(`${grafana.url}/?panel=actions`);
      await page.locator(byTestId(testIds.actions.run)).first().waitFor();
      await confirmRun(page, 'again');
      await page.locator(byTestId(testIds.actions.result)).getByText('succeeded').waitFor();
      assert.equal(keys.length, 3);
      assert.notEqual(keys[2], keys[0]);
      assert.equal(session.webhook.received.length, 2);
      await page.close();
    });
  });
}
