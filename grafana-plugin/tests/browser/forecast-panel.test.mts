/**
 * The forecast panel in real Chromium against a real exporter watching the demo, through the
 * stand-in Grafana proxy. Its history is what a Prometheus query of omen_signal_value would
 * return: the values the test reads from the same exporter while it waits for the forecast.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { ForecastResponse, SignalsResponse } from '../../src/api/contract';
import { testIds } from '../../src/components/testIds';
import type { HarnessInput } from './harness/harness-input';
import { byTestId, pluginJson, screenshot, startSession, VIEWER, type Session } from './support/session.mjs';

const SERIES = { signal: 'error_ratio', service: 'checkout' };
const FORECAST = `/api/v1/forecasts?signal=${SERIES.signal}&service=${SERIES.service}`;

let session: Session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

/** The series' values as the exporter publishes them, one per second, until its forecast has bands. */
async function historyUntilForecast(): Promise<{ points: Array<[number, number]>; forecast: ForecastResponse }> {
  const points = new Map<number, number>();
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const { signals } = await session.omen.get<SignalsResponse>('/api/v1/signals');
    const series = signals[0]?.series.find((s) => s.service === SERIES.service);
    if (series) {
      points.set(Date.parse(series.lastSampleAt), series.value);
    }
    const response = await fetch(`${session.omen.url}${FORECAST}`, {
      headers: { Authorization: `Bearer ${session.omen.tokens.viewer}` },
    });
    if (response.ok) {
      const forecast = (await response.json()) as ForecastResponse;
      const hasBands = forecast.path.some((step) => step.upper_95 > step.lower_95);
      if (hasBands && points.size >= 10) {
        return { points: [...points].sort(([a], [b]) => a - b), forecast };
      }
    }
    await sleep(1000);
  }
  throw new Error(`no forecast with bands for ${SERIES.signal}/${SERIES.service} within 150 s`);
}

describe('forecast panel', () => {
  test('draws the history, the forecast inside its 80% and 95% bands, the threshold and P(breach) per horizon', async () => {
    const { points, forecast } = await historyUntilForecast();
    const grafana = await session.grafanaFor(VIEWER);
    const page = await session.browser.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const input: HarnessInput = { query: { labels: { __name__: 'omen_signal_value', ...SERIES }, points } };
    await page.addInitScript((value) => {
      window.omenHarness = value;
    }, input);
    await page.goto(`${grafana.url}/?panel=forecast`);

    const chart = page.locator(byTestId(testIds.forecast.chart));
    await chart.waitFor();
    await screenshot(page, 'forecast-panel');
    for (const id of [testIds.forecast.band95, testIds.forecast.band80]) {
      assert.match((await page.locator(byTestId(id)).getAttribute('d')) ?? '', /^M[\d.,L]+Z/, `${id} is a closed area`);
    }
    for (const id of [testIds.forecast.point, testIds.forecast.history]) {
      assert.match((await page.locator(byTestId(id)).getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+L/, `${id} is a line`);
    }
    // The 95% band is drawn around the 80% band, and the point path inside both. Compared by
    // their geometry (SVG getBBox), not their painted boxes: a line's stroke and miter joins
    // reach a few pixels past its vertices, and where a warming horizon's band has no width
    // the point lies on its edge.
    const box = (id: string) =>
      page.locator(byTestId(id)).evaluate((element) => {
        const { x, y, width, height } = (element as SVGGraphicsElement).getBBox();
        return { x, y, width, height };
      });
    const [b95, b80, point] = [
      await box(testIds.forecast.band95),
      await box(testIds.forecast.band80),
      await box(testIds.forecast.point),
    ];
    assert.ok(
      b95.height >= b80.height && b95.y <= b80.y + 0.5,
      `95% ${JSON.stringify(b95)} ⊇ 80% ${JSON.stringify(b80)}`
    );
    assert.ok(b80.width > 0, `80% band ${JSON.stringify(b80)}`);
    assert.ok(
      point.y >= b95.y - 0.5 && point.y + point.height <= b95.y + b95.height + 0.5,
      `point line ${JSON.stringify(point)} runs inside the 95% band ${JSON.stringify(b95)}`
    );
    const threshold = page.locator(byTestId(testIds.forecast.threshold));
    assert.equal(await threshold.locator('title').textContent(), 'Threshold 0.0500');

    const rows = page.locator(byTestId(testIds.forecast.breachRow));
    assert.deepEqual(
      await rows.locator('td:first-child').allTextContents(),
      forecast.horizons.map((h) => h.horizon)
    );
    for (const cell of await rows.locator('td:nth-child(2)').allTextContents()) {
      assert.match(cell, /^\d+(\.\d+)?%$|^warming up$/);
    }
    const apiCalls = requested.filter((url) => new URL(url).pathname.startsWith('/api/'));
    assert.deepEqual(
      [...new Set(apiCalls.map((url) => new URL(url).pathname + new URL(url).search))],
      [`/api/plugin-proxy/${pluginJson.id}/read${FORECAST}`]
    );
    await page.close();
  });

  test('says why when the exporter has no forecast for the series', async () => {
    const grafana = await session.grafanaFor(VIEWER);
    const page = await session.browser.context.newPage();
    const input: HarnessInput = { options: { signal: 'error_ratio', service: 'no-such-service' } };
    await page.addInitScript((value) => {
      window.omenHarness = value;
    }, input);
    await page.goto(`${grafana.url}/?panel=forecast`);
    const empty = page.locator(byTestId(testIds.query.empty));
    await empty.waitFor();
    assert.match((await empty.textContent()) ?? '', /no forecast for error_ratio\/no-such-service.*HTTP 404/);
    assert.equal(await page.locator(byTestId(testIds.forecast.chart)).count(), 0, 'no chart without a forecast');
    await screenshot(page, 'forecast-panel-no-forecast');
    await page.close();
  });
});
