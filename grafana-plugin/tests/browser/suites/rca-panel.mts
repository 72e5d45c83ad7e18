/**
 * The RCA panel on a real incident of the demo (demo-incident.test.mts): the causes it ranks
 * are the exporter's, in the exporter's order, with their evidence, and each cause's
 * sparkline is drawn from the exporter's stored values.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import type { IncidentsResponse, RcaResponse } from '../../../src/api/contract';
import { formatNumber } from '../../../src/components/format';
import { testIds } from '../../../src/components/testIds';
import type { HarnessInput } from '../harness/harness-input';
import { byTestId, screenshot, VIEWER, type Session } from '../support/session.mjs';

/** The newest open incident once the exporter has ranked its causes (it analyses every few cycles). */
async function analysedIncident(session: Session): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const open = await session.omen.get<IncidentsResponse>('/api/v1/incidents?state=open&limit=1');
    const id = open.items[0]?.id;
    if (id && (await session.omen.get<RcaResponse>(`/api/v1/incidents/${id}/rca`)).causes.length > 0) {
      return id;
    }
    assert.ok(Date.now() < deadline, 'an open incident with ranked causes within 60 s');
    await sleep(1000);
  }
}

/** Rank, cause, score, change and correlation: how the panel shows each cause. */
const causeCells = (rca: RcaResponse) =>
  rca.causes.map((c) => [
    String(c.rank),
    `${c.signal} · ${c.service}`,
    formatNumber(c.score),
    formatNumber(c.evidence.change),
    formatNumber(c.evidence.correlation),
  ]);

export function rcaPanelTests(current: () => Session) {
  describe('RCA panel', () => {
    test('shows a real incident’s ranked causes as the exporter ranks them, with evidence and sparklines', async () => {
      const session = current();
      const id = await analysedIncident(session);
      const rcaPath = `/api/v1/incidents/${id}/rca`;
      const grafana = await session.grafanaFor(VIEWER);
      const page = await session.browser.context.newPage();
      const input: HarnessInput = { options: { incident: 'id', incidentId: id } };
      await page.addInitScript((value) => (window.omenHarness = value), input);
      const before = await session.omen.get<RcaResponse>(rcaPath);
      await page.goto(`${grafana.url}/?panel=rca`);
      const rows = page.locator(byTestId(testIds.rca.cause));
      await rows.first().waitFor();
      const after = await session.omen.get<RcaResponse>(rcaPath);

      // The exporter re-ranks an open incident every few cycles: the panel shows one of its answers.
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => [1, 2, 4, 5, 8].map((n) => tr.querySelector(`td:nth-child(${n})`)?.textContent ?? ''))
      );
      assert.ok(
        [causeCells(before), causeCells(after)].some((cells) => JSON.stringify(cells) === JSON.stringify(shown)),
        `shown ${JSON.stringify(shown)}; the API said ${JSON.stringify(causeCells(after))}`
      );
      assert.match(
        (await page.locator(byTestId(testIds.rca.heading)).textContent()) ?? '',
        new RegExp(`^Incident ${id}:`)
      );

      const sparkline = page.locator(byTestId(testIds.rca.sparkline)).first();
      await sparkline.waitFor();
      assert.match((await sparkline.locator('path').getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+/);
      await screenshot(page, 'rca-panel');
      await page.close();
    });
  });
}
