import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnomalyRecord, IncidentWrite } from '../store/store.js';
import { call, startTestApp, type TestApp } from './test-app.js';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

const anomaly = (service: string, minute: number, signal = 'error_ratio'): AnomalyRecord => ({
  signal,
  service,
  timestampMs: T0 + minute * MIN,
  score: 0.9995,
  severity: 'high',
  value: 0.3,
  expected: 0.01,
  lower: 0,
  upper: 0.02,
  model: 'tail_ensemble',
  kind: 'level_shift',
  explanation: 'level 0.3 against 0.01',
});

function incident(minute: number, anomalies: AnomalyRecord[], state: 'open' | 'resolved'): IncidentWrite {
  return {
    state,
    openedAtMs: T0 + minute * MIN,
    lastAnomalyMs: Math.max(...anomalies.map((a) => a.timestampMs)),
    resolvedAtMs: state === 'resolved' ? T0 + (minute + 20) * MIN : null,
    severity: 'high',
    symptom: { signal: anomalies[0]!.signal, service: anomalies[0]!.service },
    anomalies,
  };
}

let app: TestApp;
let ids: string[];
const podContrast = {
  label: 'pod',
  value: 'db-2',
  incidentShare: 0.9,
  baselineShare: 0.25,
  incidentCount: 900,
  baselineCount: 25,
  score: 0.14,
  z: 17.5,
};

beforeAll(async () => {
  app = await startTestApp({});
  const members = [anomaly('frontend', 1), anomaly('db', 2, 'latency'), anomaly('search', 40)];
  await app.store.writeAnomalies(members);
  ids = await app.store.writeIncidents([
    incident(1, members.slice(0, 2), 'open'),
    incident(40, members.slice(2), 'resolved'),
  ]);
  await app.store.writeIncidentAnalysis({
    incidentId: ids[0]!,
    analysedAtMs: T0 + 5 * MIN,
    model: 'combined',
    causes: [
      {
        rank: 1,
        signal: 'latency',
        service: 'db',
        score: 0.8,
        evidence: {
          change: 12.5,
          onsetAt: new Date(T0 + 2 * MIN).toISOString(),
          leadSeconds: 60,
          correlation: 0.9,
          downstream: true,
          explainedBy: null,
        },
      },
    ],
    labelContrast: [podContrast],
  });
});
afterAll(() => app.close());

const get = (path: string) => call(app.base, path);

describe('GET /api/v1/incidents', () => {
  it('lists incidents newest first, with their series and links', async () => {
    const { status, body } = await get('/api/v1/incidents');
    expect(status).toBe(200);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids[1], ids[0]]);
    expect(body.nextCursor).toBeNull();
    expect(body.items[1]).toMatchObject({
      state: 'open',
      openedAt: '2026-01-01T00:01:00.000Z',
      resolvedAt: null,
      symptom: { signal: 'error_ratio', service: 'frontend' },
      anomalyCount: 2,
      links: { self: `/api/v1/incidents/${ids[0]}`, rca: `/api/v1/incidents/${ids[0]}/rca` },
    });
    expect(body.items[1].series.map((s: { service: string }) => s.service).sort()).toEqual([
      'db',
      'frontend',
    ]);
  });

  it('filters by state and service, and pages with an opaque cursor', async () => {
    const open = await get('/api/v1/incidents?state=open');
    expect(open.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    const db = await get('/api/v1/incidents?service=db');
    expect(db.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    const first = await get('/api/v1/incidents?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await get(`/api/v1/incidents?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers 400 naming the bad parameter', async () => {
    const state = await get('/api/v1/incidents?state=closed');
    expect(state.status).toBe(400);
    expect(state.body.error.details).toEqual({ parameter: 'state' });
    const cursor = await get('/api/v1/incidents?cursor=forged');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details).toEqual({ parameter: 'cursor' });
    expect((await get('/api/v1/incidents?stat=open')).status).toBe(400);
  });
});

describe('GET /api/v1/incidents/:id and /rca', () => {
  it('serves one incident with its member anomalies, oldest first', async () => {
    const { status, body } = await get(`/api/v1/incidents/${ids[0]}`);
    expect(status).toBe(200);
    expect(body.incident.id).toBe(ids[0]);
    expect(body.anomalies.map((a: { service: string }) => a.service)).toEqual(['frontend', 'db']);
    expect(body.anomalies[0]).toMatchObject({ time: '2026-01-01T00:01:00.000Z', kind: 'level_shift' });
  });

  it('serves the ranked causes with their evidence, and an empty list before any analysis', async () => {
    const analysed = await get(`/api/v1/incidents/${ids[0]}/rca`);
    expect(analysed.body).toMatchObject({
      incidentId: ids[0],
      symptom: { signal: 'error_ratio', service: 'frontend' },
      analysedAt: '2026-01-01T00:05:00.000Z',
      model: 'combined',
      causes: [{ rank: 1, signal: 'latency', service: 'db', score: 0.8, evidence: { leadSeconds: 60 } }],
    });
    expect(analysed.body.labelContrast).toEqual([podContrast]);
    const none = await get(`/api/v1/incidents/${ids[1]}/rca`);
    expect(none.body).toMatchObject({ analysedAt: null, model: null, causes: [], labelContrast: [] });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['999999', 'abc']) {
      const { status, body } = await get(`/api/v1/incidents/${id}`);
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
      expect((await get(`/api/v1/incidents/${id}/rca`)).status).toBe(404);
    }
  });

  it('is in the OpenAPI document', async () => {
    const { body } = await get('/api/v1/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/incidents', '/api/v1/incidents/{id}', '/api/v1/incidents/{id}/rca']),
    );
    const { schema } =
      body.paths['/api/v1/incidents/{id}/rca'].get.responses['200'].content['application/json'];
    expect(Object.keys(schema.definitions.LabelContrast.properties).sort()).toEqual(
      Object.keys(podContrast).sort(),
    );
    expect(schema.definitions.RcaResponse.properties.labelContrast.items).toEqual({
      $ref: '#/definitions/LabelContrast',
    });
  });
});

describe('similar past incidents', () => {
  it('names past incidents of the same series with their likeliest cause, in the RCA answer', async () => {
    const again = [anomaly('frontend', 90), anomaly('db', 91, 'latency')];
    await app.store.writeAnomalies(again);
    const [later] = await app.store.writeIncidents([incident(90, again, 'open')]);
    const { body } = await get(`/api/v1/incidents/${later}/rca`);
    expect(body.similar).toEqual([
      {
        id: ids[0],
        openedAt: '2026-01-01T00:01:00.000Z',
        state: 'open',
        similarity: 1,
        sameCause: false,
        topCause: { signal: 'latency', service: 'db' },
        link: `/api/v1/incidents/${ids[0]}/rca`,
      },
    ]);
  });
});
