/**
 * The anomalies panel on the demo's error_spike anomalies (demo-incident.test.mts): an
 * Editor's Acknowledge and False positive go through the operate route and change what the
 * exporter records (its audit trail, and a second ack is "already acknowledged"); a Viewer
 * sees the buttons disabled with the reason.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AckResponse, AuditResponse } from '../../../src/api/contract';
import { READ_ONLY_REASON } from '../../../src/api/roles';
import { testIds } from '../../../src/components/testIds';
import { byTestId, EDITOR, pluginJson, screenshot, VIEWER, type Session } from '../support/session.mjs';

export function anomaliesPanelTests(current: () => Session) {
  const ackAudit = () => current().omen.get<AuditResponse>('/api/v1/audit?action=anomaly.ack');

  describe('anomalies panel', () => {
    test('a Viewer sees the anomalies with Acknowledge and False positive disabled, and why', async () => {
      const grafana = await current().grafanaFor(VIEWER);
      const page = await current().browser.context.newPage();
      await page.goto(`${grafana.url}/?panel=anomalies`);
      const rows = page.locator(byTestId(testIds.anomalies.row));
      await rows.first().waitFor();
      assert.match((await page.locator(byTestId(testIds.anomalies.readOnly)).textContent()) ?? '', /Editor role/);
      const buttons = page.locator(`${byTestId(testIds.anomalies.ack)}, ${byTestId(testIds.anomalies.falsePositive)}`);
      assert.ok((await buttons.count()) >= 2);
      for (const button of await buttons.all()) {
        assert.equal(await button.isDisabled(), true);
        assert.equal(await button.getAttribute('title'), READ_ONLY_REASON);
      }
      await screenshot(page, 'anomalies-panel-viewer');
      await page.close();
    });

    test('an Editor’s Acknowledge changes the anomaly’s state in the exporter, recorded under their name', async () => {
      const grafana = await current().grafanaFor(EDITOR);
      const page = await current().browser.context.newPage();
      const posted: string[] = [];
      page.on('request', (request) => request.method() === 'POST' && posted.push(new URL(request.url()).pathname));
      await page.goto(`${grafana.url}/?panel=anomalies`);
      const first = page.locator(byTestId(testIds.anomalies.row)).first();
      await first.waitFor();
      const id = (await first.getAttribute('data-anomaly-id'))!;
      const row = page.locator(`[data-anomaly-id="${id}"]`);
      assert.equal(await row.locator(byTestId(testIds.anomalies.state)).textContent(), 'open');

      await row.locator(byTestId(testIds.anomalies.ack)).click();
      await row.getByText('acknowledged by eddie').waitFor();
      assert.equal(await row.locator(byTestId(testIds.anomalies.ack)).isDisabled(), true);
      assert.deepEqual(posted, [`/api/plugin-proxy/${pluginJson.id}/operate/api/v1/anomalies/${id}/ack`]);

      const audit = (await ackAudit()).items.filter((entry) => entry.target === `anomaly:${id}`);
      assert.deepEqual(
        audit.map(({ actor, action, result }) => ({ actor, action, result })),
        [{ actor: 'eddie', action: 'anomaly.ack', result: 'success' }]
      );
      const again = await fetch(`${current().omen.url}/api/v1/anomalies/${id}/ack`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${current().omen.tokens.operator}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const second = (await again.json()) as AckResponse;
      assert.equal(second.alreadyAcknowledged, true, 'the exporter holds the acknowledgement');
      assert.equal(second.acknowledgedBy, 'eddie');
      await screenshot(page, 'anomalies-panel-acknowledged');

      await row.locator(byTestId(testIds.anomalies.falsePositive)).click();
      await row.getByText('false positive (eddie)').waitFor();
      const verdicts = await current().omen.get<AuditResponse>('/api/v1/audit?action=anomaly.feedback');
      const verdict = verdicts.items.find((entry) => entry.target === `anomaly:${id}`);
      assert.equal(verdict?.actor, 'eddie');
      assert.equal(verdict?.parameters.verdict, 'false_positive');
      await screenshot(page, 'anomalies-panel-false-positive');
      await page.close();
    });
  });
}
