/**
 * The signals panel in real Chromium against a real exporter watching the demo, through a
 * stand-in for Grafana's plugin proxy that applies plugin.json's routes (DESIGN Decision 12).
 * Screenshots go to test-results/screenshots/ (git-ignored); their paths are printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SignalsResponse } from '../../src/api/contract';
import { testIds } from '../../src/components/testIds';
import { DEMO_SERVICES } from './support/omen.mjs';
import { byTestId, EDITOR, pluginJson, screenshot, startSession, VIEWER, type Session } from './support/session.mjs';

let session: Session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

describe('signals panel', () => {
  test('shows every series the exporter reports, read through the viewer route only', async () => {
    const grafana = await session.grafanaFor(VIEWER);
    const page = await session.browser.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${grafana.url}/?panel=signals`);

    const rows = page.locator(byTestId(testIds.signals.row));
    await rows.first().waitFor();
    const shown = (await rows.locator('td:nth-child(2)').allTextContents()).sort();
    const reported = await session.omen.get<SignalsResponse>('/api/v1/signals');
    assert.deepEqual(shown, DEMO_SERVICES);
    assert.deepEqual(shown, reported.signals[0]!.series.map((series) => series.service).sort());
    assert.equal(await rows.first().locator('td:first-child').textContent(), 'error_ratio');

    const apiCalls = requested.filter((url) => new URL(url).pathname.startsWith('/api/'));
    assert.deepEqual(
      [...new Set(apiCalls.map((url) => new URL(url).pathname))],
      [`/api/plugin-proxy/${pluginJson.id}/read/api/v1/signals`]
    );
    assert.ok(
      requested.every((url) => url.startsWith(grafana.url)),
      `only the Grafana origin: ${requested.join(', ')}`
    );
    const html = await page.content();
    assert.ok(
      !html.includes(session.omen.tokens.viewer) && !html.includes(session.omen.tokens.operator),
      'no token in the page'
    );
    await screenshot(page, 'signals-panel');
    await page.close();
  });

  test('says so when Grafana cannot reach the exporter', async () => {
    const grafana = await session.grafanaFor(VIEWER, 'http://127.0.0.1:9');
    const page = await session.browser.context.newPage();
    await page.goto(`${grafana.url}/?panel=signals`);
    const error = page.locator(byTestId(testIds.query.error));
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Cannot load signals.*cannot reach the Omen exporter.*HTTP 502/);
    await screenshot(page, 'signals-panel-unreachable');
    await page.close();
  });
});

describe("plugin.json's proxy routes, applied as Grafana applies them", () => {
  test('inject the viewer token for Viewers and refuse them the operator route', async () => {
    const grafana = await session.grafanaFor(VIEWER);
    const direct = await fetch(`${session.omen.url}/api/v1/signals`);
    assert.equal(direct.status, 401, 'the exporter itself demands a token');
    const read = await fetch(`${grafana.url}/api/plugin-proxy/${pluginJson.id}/read/api/v1/signals`);
    assert.equal(read.status, 200);
    const operate = await fetch(`${grafana.url}/api/plugin-proxy/${pluginJson.id}/operate/api/v1/signals`);
    assert.equal(operate.status, 403);
    assert.deepEqual(await operate.json(), { message: 'plugin proxy route access denied' });
    const write = await fetch(`${grafana.url}/api/plugin-proxy/${pluginJson.id}/read/api/v1/analysis`, {
      method: 'POST',
    });
    assert.equal(write.status, 404, 'the read route is GET only');
  });

  test('give Editors the operator route with the operator token', async () => {
    const grafana = await session.grafanaFor(EDITOR);
    const operate = await fetch(`${grafana.url}/api/plugin-proxy/${pluginJson.id}/operate/api/v1/signals`);
    assert.equal(operate.status, 200);
    const analysis = await fetch(`${grafana.url}/api/plugin-proxy/${pluginJson.id}/operate/api/v1/analysis`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(analysis.status, 403, 'the operator token may not trigger analysis (admin only)');
  });
});
