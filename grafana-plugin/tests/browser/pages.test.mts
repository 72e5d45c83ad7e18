/**
 * The app's pages in real Chromium against a real exporter watching the demo, each compared
 * with what the exporter's API says at the same time (nothing on a page is made up).
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ActionsResponse, IncidentsResponse, ModelsResponse, SummaryResponse } from '../../src/api/contract';
import { testIds } from '../../src/components/testIds';
import { byTestId, screenshot, startSession, VIEWER, type Session } from './support/session.mjs';

let session: Session;

before(async () => {
  session = await startSession();
  // The models page needs a fitted model: forecasts fit after forecast.minSteps one-second steps.
  const deadline = Date.now() + 150_000;
  while ((await session.omen.get<ModelsResponse>('/api/v1/models')).items.length === 0) {
    assert.ok(Date.now() < deadline, 'the exporter trained a model within 150 s');
    await sleep(1000);
  }
});

after(async () => {
  await session?.close();
});

async function openPage(name: string): Promise<Page> {
  const grafana = await session.grafanaFor(VIEWER);
  const page = await session.browser.context.newPage();
  await page.goto(`${grafana.url}/?page=${name}`);
  return page;
}

describe('app pages', () => {
  test('Overview: the exporter’s summary (health, breaches) above the signals table', async () => {
    const page = await openPage('overview');
    await page.locator(byTestId(testIds.summary.health)).waitFor();
    const summary = await session.omen.get<SummaryResponse>('/api/v1/summary');
    const health = (await page.locator(byTestId(testIds.summary.health)).textContent()) ?? '';
    assert.match(health, /^\d+(ok|degraded|critical)/);
    const view = (await page.locator(byTestId(testIds.summary.view)).textContent()) ?? '';
    for (const { model } of summary.models) {
      assert.ok(view.includes(model), `the model ${model} the summary lists is shown`);
    }
    await page.locator(byTestId(testIds.signals.row)).first().waitFor();
    assert.equal(await page.locator(byTestId(testIds.signals.row)).count(), 5);
    await screenshot(page, 'page-overview', 'harness-page');
    await page.close();
  });

  test('Models: one row per trained model the catalog lists', async () => {
    const page = await openPage('models');
    const table = page.locator(byTestId(testIds.models.table));
    await table.waitFor();
    const models = await session.omen.get<ModelsResponse>('/api/v1/models?limit=1000');
    const shown = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    // Models keep being fitted while the test runs: every row shown is in the catalog.
    const listed = new Set(models.items.map((m) => `${m.signal} · ${m.service}`));
    assert.ok(shown.length > 0 && shown.every((series) => listed.has(series)), `${shown} ⊆ ${[...listed]}`);
    await screenshot(page, 'page-models', 'harness-page');
    await page.close();
  });

  test('Incidents and Actions: the API’s incidents, action catalog and audit log, or their explicit empty states', async () => {
    // The demo keeps running: an incident may open (or close) between a read of the API and
    // the page's own. The page must show what the API said just before or just after it.
    const listedBefore = await session.omen.get<IncidentsResponse>('/api/v1/incidents');
    const page = await openPage('incidents');
    const table = page.locator(byTestId(testIds.incidents.table));
    await table.or(page.locator(byTestId(testIds.query.empty))).waitFor();
    const listedAfter = await session.omen.get<IncidentsResponse>('/api/v1/incidents');
    const shownTable = await table.isVisible();
    assert.ok(
      [listedBefore, listedAfter].some((read) => read.items.length > 0 === shownTable),
      `page shows ${shownTable ? 'the incidents table' : 'the empty state'}; the API listed ${listedBefore.items.length} then ${listedAfter.items.length}`
    );
    await screenshot(page, 'page-incidents', 'harness-page');
    await page.close();

    const actions = await session.omen.get<ActionsResponse>('/api/v1/actions');
    const actionsPage = await openPage('actions');
    await actionsPage
      .locator(byTestId(testIds.actions.audit))
      .or(actionsPage.getByText('Nothing audited yet'))
      .waitFor();
    // The harness configures a catalog; recommended actions for the open incident come first, then the rest.
    assert.ok(actions.actions.length > 0);
    await actionsPage.locator(byTestId(testIds.actions.row)).first().waitFor();
    assert.equal(await actionsPage.locator(byTestId(testIds.actions.row)).count(), actions.actions.length);
    await screenshot(actionsPage, 'page-actions', 'harness-page');
    await actionsPage.close();
  });

  test('Forecasts: the first series is chosen, its forecast drawn after its stored history', async () => {
    const page = await openPage('forecasts');
    await page.locator(byTestId(testIds.forecast.chart)).waitFor({ timeout: 30_000 });
    assert.match((await page.locator(byTestId(testIds.forecast.summary)).textContent()) ?? '', /^error_ratio · /);
    const caption = page.locator(byTestId(testIds.forecast.historyInfo));
    await caption.getByText(/^History: \d+ stored samples/).waitFor();
    const shown = Number(/(\d+) stored samples/.exec((await caption.textContent()) ?? '')![1]);
    assert.ok(shown > 0, 'the demo has been sampled for a while');
    assert.notEqual(await page.locator(byTestId(testIds.forecast.history)).getAttribute('d'), '');
    await screenshot(page, 'page-forecasts', 'harness-page');
    await page.close();
  });
});
