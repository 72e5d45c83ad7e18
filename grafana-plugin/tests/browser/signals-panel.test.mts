/**
 * The signals panel in real Chromium against a real exporter watching the demo, through a
 * stand-in for Grafana's plugin proxy that applies plugin.json's routes (DESIGN Decision 12).
 * Screenshots go to test-results/screenshots/ (git-ignored); their paths are printed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { SignalsResponse } from '../../src/api/contract';
import { testIds } from '../../src/components/testIds';
import { launchChromium, type Browser } from './support/chromium.mjs';
import { startGrafanaServer, type GrafanaServer, type GrafanaUser } from './support/grafana-server.mjs';
import { DEMO_SERVICES, startOmen, type RunningOmen } from './support/omen.mjs';
import viteConfig, { HARNESS_DIST } from './vite.config.mjs';

const PLUGIN_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(PLUGIN_ROOT, 'test-results', 'screenshots');
const pluginJson = JSON.parse(readFileSync(join(PLUGIN_ROOT, 'src', 'plugin.json'), 'utf8'));
const byTestId = (id: string) => `[data-testid="${id}"]`;

let workDir: string;
let omen: RunningOmen;
let browser: Browser;
const servers: GrafanaServer[] = [];

async function grafanaFor(user: GrafanaUser, exporterUrl: string): Promise<GrafanaServer> {
  const server = await startGrafanaServer({
    staticDir: HARNESS_DIST,
    plugin: pluginJson,
    settings: {
      jsonData: { exporterUrl },
      secureJsonData: { viewerToken: omen.tokens.viewer, operatorToken: omen.tokens.operator },
    },
    user,
    sendUserHeader: true,
  });
  servers.push(server);
  return server;
}

async function screenshot(page: import('playwright-core').Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.locator(byTestId('harness-panel')).screenshot({ path });
  console.log(`screenshot: ${path}`);
}

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'omen-browser-'));
  await build({ ...viteConfig, configFile: false });
  omen = await startOmen(workDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await omen?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('signals panel', () => {
  test('shows every series the exporter reports, read through the viewer route only', async () => {
    const grafana = await grafanaFor({ login: 'vera', role: 'Viewer' }, omen.url);
    const page = await browser.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${grafana.url}/?panel=signals`);

    const rows = page.locator(byTestId(testIds.signals.row));
    await rows.first().waitFor();
    const shown = (await rows.locator('td:nth-child(2)').allTextContents()).sort();
    const reported = await omen.get<SignalsResponse>('/api/v1/signals');
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
    assert.ok(!html.includes(omen.tokens.viewer) && !html.includes(omen.tokens.operator), 'no token in the page');
    await screenshot(page, 'signals-panel');
    await page.close();
  });

  test('says so when Grafana cannot reach the exporter', async () => {
    const grafana = await grafanaFor({ login: 'vera', role: 'Viewer' }, 'http://127.0.0.1:9');
    const page = await browser.context.newPage();
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
    const grafana = await grafanaFor({ login: 'vera', role: 'Viewer' }, omen.url);
    const direct = await fetch(`${omen.url}/api/v1/signals`);
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
    const grafana = await grafanaFor({ login: 'eddie', role: 'Editor' }, omen.url);
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
