import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidCursorError, type CatalogModel, type Store, type TrainingEvent } from '../store.js';
import { MINUTE, T0, openMemoryStore } from './test-support.js';

const model = (service: string, version = 1, overrides: Partial<CatalogModel> = {}): CatalogModel => ({
  id: `id-${service}`,
  model: 'ets',
  signal: 'error_ratio',
  service,
  version,
  params: { period: 288, levels: [0.8, 0.95] },
  trainedAtMs: T0 + version * MINUTE,
  samples: 2016,
  quality: { mase: 0.8, brier: 0.04 },
  reason: version === 1 ? 'initial' : 'refit',
  ...overrides,
});

const fitted = (m: CatalogModel, detail: string | null = null): TrainingEvent => ({
  modelId: m.id,
  model: m.model,
  signal: m.signal,
  service: m.service,
  version: m.version,
  atMs: m.trainedAtMs,
  event: 'fitted',
  reason: m.reason,
  actor: null,
  detail,
  samples: m.samples,
  quality: m.quality,
});

describe('DuckDB model catalog', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('keeps one row per model instance, replaced by each refit, and appends every refit to the history', async () => {
    const v1 = model('api');
    await store.recordTraining([v1, model('web')], [fitted(v1), fitted(model('web'))]);
    const v2 = model('api', 2, { quality: { mase: 1.4, brier: null }, reason: 'drift' });
    await store.recordTraining([v2], [fitted(v2, 'error 2.5× training')]);

    expect(await store.getModel('id-api')).toEqual(v2);
    expect(await store.getModel('nope')).toBeNull();
    const history = await store.trainingHistory(['id-api'], 10);
    expect(history.map((e) => [e.version, e.reason, e.detail])).toEqual([
      [2, 'drift', 'error 2.5× training'],
      [1, 'initial', null],
    ]);
    expect(history[0]).toEqual(fitted(v2, 'error 2.5× training'));
    expect(await store.trainingHistory(['id-api'], 1)).toHaveLength(1);
    // Several instances in one read: the newest rows of each, grouped by instance.
    const both = await store.trainingHistory(['id-web', 'id-api', 'nope'], 1);
    expect(both.map((e) => [e.modelId, e.version])).toEqual([
      ['id-api', 2],
      ['id-web', 1],
    ]);
    expect(await store.trainingHistory([], 5)).toEqual([]);
  });

  it('records a retrain request with its actor, and stores a non-finite quality as null', async () => {
    const v1 = model('api', 1, { quality: { mase: Number.NaN, brier: Number.POSITIVE_INFINITY } });
    const request: TrainingEvent = {
      ...fitted(v1),
      event: 'retrain_requested',
      reason: 'manual',
      actor: 'alice',
      atMs: T0 + 5 * MINUTE,
      samples: null,
      quality: { mase: null, brier: null },
    };
    await store.recordTraining([v1], [fitted(v1)]);
    await store.recordTraining([], [request]);
    expect((await store.getModel('id-api'))?.quality).toEqual({ mase: null, brier: null });
    expect((await store.trainingHistory(['id-api'], 5))[0]).toEqual(request);
  });

  it('filters by model, signal and service and pages in (model, signal, service) order', async () => {
    const models = [
      model('web'),
      model('api'),
      model('db', 1, { id: 'db-theta', model: 'theta' }),
      model('api', 1, { id: 'api-latency', signal: 'latency' }),
    ];
    await store.recordTraining(models, []);
    const first = await store.queryModels({ limit: 2 });
    expect(first.items.map((m) => m.id)).toEqual(['id-api', 'id-web']);
    expect(first.nextCursor).not.toBeNull();
    const second = await store.queryModels({ limit: 2, cursor: first.nextCursor as string });
    expect(second.items.map((m) => m.id)).toEqual(['api-latency', 'db-theta']);
    expect(second.nextCursor).toBeNull();

    expect((await store.queryModels({ limit: 10, model: 'theta' })).items.map((m) => m.id)).toEqual([
      'db-theta',
    ]);
    const api = await store.queryModels({ limit: 10, service: 'api', signal: 'error_ratio' });
    expect(api.items.map((m) => m.id)).toEqual(['id-api']);
    await expect(store.queryModels({ limit: 10, cursor: 'garbage' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(store.queryModels({ limit: 10, cursor: 'm1.bm90LWpzb24' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('writes a large batch of refits in one call', async () => {
    const many = Array.from({ length: 2_000 }, (_, i) => model(`svc-${i}`));
    await store.recordTraining(
      many,
      many.map((m) => fitted(m)),
    );
    const page = await store.queryModels({ limit: 1000, service: 'svc-1999' });
    expect(page.items).toEqual([many[1999]]);
  });
});
