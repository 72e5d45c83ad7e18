/**
 * The panels that need a real incident, in real Chromium against one real exporter watching
 * the demo (started once, since waiting for the demo's detector to settle is the slow part):
 * the demo's error_spike incident gives real anomalies, an incident and its root-cause
 * analysis; then the anomalies, RCA and actions panels are checked against the exporter.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before } from 'node:test';
import type { AnomaliesResponse } from '../../src/api/contract';
import { startSession, type Session } from './support/session.mjs';
import { actionsPanelTests } from './suites/actions-panel.mjs';
import { anomaliesPanelTests } from './suites/anomalies-panel.mjs';
import { rcaPanelTests } from './suites/rca-panel.mjs';

let session: Session;

before(async () => {
  session = await startSession();
  // Let the detector learn the quiet demo first, so the spike stands out against it.
  await sleep(40_000);
  const started = await fetch(`${session.omen.demoUrl}/demo/incidents/error_spike`, { method: 'POST' });
  assert.ok(started.ok, `the demo started error_spike (HTTP ${started.status})`);
  const deadline = Date.now() + 120_000;
  while ((await session.omen.get<AnomaliesResponse>('/api/v1/anomalies')).items.length === 0) {
    assert.ok(Date.now() < deadline, 'the exporter recorded an anomaly within 2 minutes of the spike');
    await sleep(1000);
  }
});

after(async () => {
  await session?.close();
});

anomaliesPanelTests(() => session);
rcaPanelTests(() => session);
actionsPanelTests(() => session);
