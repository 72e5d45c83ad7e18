/**
 * What every browser test file shares: a real exporter watching the demo, Chromium, stand-in
 * Grafana servers (one per signed-in user) in front of them, and screenshots written to the
 * git-ignored test-results/screenshots/ with their paths printed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { HARNESS_DIST } from '../vite.config.mjs';
import { launchChromium, type Browser } from './chromium.mjs';
import { startGrafanaServer, type GrafanaServer, type GrafanaUser } from './grafana-server.mjs';
import type { PluginRoleRegistration, PluginRoute } from './plugin-routes.mjs';
import { startOmen, type RunningOmen } from './omen.mjs';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.mjs';

const PLUGIN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = join(PLUGIN_ROOT, 'test-results', 'screenshots');

export const pluginJson: { id: string; routes: PluginRoute[]; roles: PluginRoleRegistration[] } = JSON.parse(
  readFileSync(join(PLUGIN_ROOT, 'src', 'plugin.json'), 'utf8')
);

export const byTestId = (id: string) => `[data-testid="${id}"]`;

export const VIEWER: GrafanaUser = { login: 'vera', role: 'Viewer' };
export const EDITOR: GrafanaUser = { login: 'eddie', role: 'Editor' };

export interface Session {
  omen: RunningOmen;
  /** Where the exporter's webhook actions post. */
  webhook: WebhookReceiver;
  browser: Browser;
  /** A Grafana stand-in where `user` is signed in, its app settings pointing at `exporterUrl`. */
  grafanaFor: (user: GrafanaUser, exporterUrl?: string) => Promise<GrafanaServer>;
  close: () => Promise<void>;
}

export async function startSession(): Promise<Session> {
  if (!existsSync(join(HARNESS_DIST, 'index.html'))) {
    throw new Error('the harness page is not built: run the tests with `npm run test:browser`');
  }
  const workDir = mkdtempSync(join(tmpdir(), 'omen-browser-'));
  const webhook = await startWebhookReceiver();
  const omen = await startOmen(workDir, webhook.url);
  const browser = await launchChromium();
  const servers: GrafanaServer[] = [];
  return {
    omen,
    webhook,
    browser,
    grafanaFor: async (user, exporterUrl = omen.url) => {
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
    },
    close: async () => {
      await browser.close();
      await Promise.all(servers.map((server) => server.close()));
      await omen.stop();
      await webhook.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** The harness panel's (or page's) picture, saved as test-results/screenshots/<name>.png; the path is printed. */
export async function screenshot(page: Page, name: string, what: 'harness-panel' | 'harness-page' = 'harness-panel') {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.locator(byTestId(what)).screenshot({ path });
  console.log(`screenshot: ${path}`);
  return path;
}
