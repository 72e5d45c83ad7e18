/**
 * The model catalog (one row per trained model instance, replaced by each refit) and its
 * append-only training history. A cycle that refits thousands of series writes them as a
 * few bound lists, `unnest`ed in SQL: one statement per table, never one per series.
 */
import { INTEGER, LIST, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import {
  InvalidCursorError,
  type CatalogModel,
  type CatalogPage,
  type CatalogQuery,
  type TrainingEvent,
  type TrainingReason,
} from '../store.js';
import { LIST_OF, inTransaction, list, timestampList, toNumber, toText } from './sql-values.js';

const LIST_OF_INTEGER = LIST(INTEGER);

export async function recordTrainingBatch(
  connection: DuckDBConnection,
  models: readonly CatalogModel[],
  events: readonly TrainingEvent[],
): Promise<void> {
  if (models.length === 0 && events.length === 0) return;
  // One statement cannot update the same row twice: the last version of an id wins.
  const unique = [...new Map(models.map((m) => [m.id, m])).values()];
  await inTransaction(connection, async () => {
    if (unique.length > 0) await upsertModels(connection, unique);
    if (events.length > 0) await appendEvents(connection, events);
  });
}

async function upsertModels(connection: DuckDBConnection, models: readonly CatalogModel[]): Promise<void> {
  await connection.run(
    `INSERT INTO model_catalog (id, model, signal, service, version, params, trained_at, samples, mase, brier, reason)
     SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6),
            unnest($7), unnest($8), unnest($9), unnest($10), unnest($11)
     ON CONFLICT (id) DO UPDATE SET
       version = excluded.version, params = excluded.params, trained_at = excluded.trained_at,
       samples = excluded.samples, mase = excluded.mase, brier = excluded.brier, reason = excluded.reason`,
    [
      list(models.map((m) => m.id)),
      list(models.map((m) => m.model)),
      list(models.map((m) => m.signal)),
      list(models.map((m) => m.service)),
      list(models.map((m) => m.version)),
      list(models.map((m) => JSON.stringify(m.params))),
      timestampList(models.map((m) => m.trainedAtMs)),
      list(models.map((m) => m.samples)),
      list(models.map((m) => finiteOrNull(m.quality.mase))),
      list(models.map((m) => finiteOrNull(m.quality.brier))),
      list(models.map((m) => m.reason)),
    ],
    [
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF_INTEGER,
      LIST_OF.varchar,
      LIST_OF.timestamp,
      LIST_OF_INTEGER,
      LIST_OF.double,
      LIST_OF.double,
      LIST_OF.varchar,
    ],
  );
}

async function appendEvents(connection: DuckDBConnection, events: readonly TrainingEvent[]): Promise<void> {
  await connection.run(
    `INSERT INTO model_training_history
       (model_id, model, signal, service, version, happened_at, event, reason, actor, detail, samples, mase, brier)
     SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6), unnest($7),
            unnest($8), unnest($9), unnest($10), unnest($11), unnest($12), unnest($13)`,
    [
      list(events.map((e) => e.modelId)),
      list(events.map((e) => e.model)),
      list(events.map((e) => e.signal)),
      list(events.map((e) => e.service)),
      list(events.map((e) => e.version)),
      timestampList(events.map((e) => e.atMs)),
      list(events.map((e) => e.event)),
      list(events.map((e) => e.reason)),
      list(events.map((e) => e.actor)),
      list(events.map((e) => e.detail)),
      list(events.map((e) => e.samples)),
      list(events.map((e) => finiteOrNull(e.quality.mase))),
      list(events.map((e) => finiteOrNull(e.quality.brier))),
    ],
    [
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF_INTEGER,
      LIST_OF.timestamp,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF.varchar,
      LIST_OF_INTEGER,
      LIST_OF.double,
      LIST_OF.double,
    ],
  );
}

/** NaN and ±Infinity have no place in a quality column (a flat series' MASE is undefined). */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

const MODEL_COLUMNS = `id, model, signal, service, version, params, epoch_ms(trained_at)::DOUBLE,
  samples, mase, brier, reason`;

export async function queryModels(connection: DuckDBConnection, query: CatalogQuery): Promise<CatalogPage> {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new RangeError(`model query limit must be a positive integer, got ${query.limit}`);
  }
  const where: string[] = [];
  const params: Record<string, DuckDBValue> = { limit: query.limit + 1 };
  for (const key of ['model', 'signal', 'service'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    where.push(`${key} = $${key}`);
    params[key] = value;
  }
  if (query.cursor !== undefined) {
    const [model, signal, service] = decodeCatalogCursor(query.cursor);
    where.push('(model, signal, service) > ($cursor_model, $cursor_signal, $cursor_service)');
    Object.assign(params, { cursor_model: model, cursor_signal: signal, cursor_service: service });
  }
  const rows = (
    await connection.runAndReadAll(
      `SELECT ${MODEL_COLUMNS} FROM model_catalog
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY model, signal, service
       LIMIT $limit`,
      params,
    )
  ).getRows();
  const items = rows.slice(0, query.limit).map(toModel);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCatalogCursor(last) : null;
  return { items, nextCursor };
}

export async function getModel(connection: DuckDBConnection, id: string): Promise<CatalogModel | null> {
  const rows = (
    await connection.runAndReadAll(`SELECT ${MODEL_COLUMNS} FROM model_catalog WHERE id = $1`, [id])
  ).getRows();
  const row = rows[0];
  return row ? toModel(row) : null;
}

export async function trainingHistory(
  connection: DuckDBConnection,
  ids: readonly string[],
  limit: number,
): Promise<TrainingEvent[]> {
  if (ids.length === 0) return [];
  const rows = (
    await connection.runAndReadAll(
      `SELECT model_id, model, signal, service, version, epoch_ms(happened_at)::DOUBLE, event, reason,
              actor, detail, samples, mase, brier
       FROM model_training_history
       WHERE list_contains($1, model_id)
       QUALIFY row_number() OVER (
         PARTITION BY model_id ORDER BY happened_at DESC, version DESC, event DESC) <= $2
       ORDER BY model_id, happened_at DESC, version DESC, event DESC`,
      [list([...ids]), limit],
      [LIST_OF.varchar, INTEGER],
    )
  ).getRows();
  return rows.map(
    ([modelId, model, signal, service, version, at, event, reason, actor, detail, samples, mase, brier]) => ({
      modelId: toText(modelId ?? null),
      model: toText(model ?? null),
      signal: toText(signal ?? null),
      service: toText(service ?? null),
      version: toNumber(version ?? null),
      atMs: toNumber(at ?? null),
      event: toText(event ?? null) as TrainingEvent['event'],
      reason: toText(reason ?? null) as TrainingReason,
      actor: actor === null || actor === undefined ? null : toText(actor),
      detail: detail === null || detail === undefined ? null : toText(detail),
      samples: nullableNumber(samples),
      quality: { mase: nullableNumber(mase), brier: nullableNumber(brier) },
    }),
  );
}

function toModel(row: DuckDBValue[]): CatalogModel {
  const [id, model, signal, service, version, params, trainedAt, samples, mase, brier, reason] = row;
  return {
    id: toText(id ?? null),
    model: toText(model ?? null),
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    version: toNumber(version ?? null),
    params: JSON.parse(toText(params ?? null)) as Record<string, unknown>,
    trainedAtMs: toNumber(trainedAt ?? null),
    samples: toNumber(samples ?? null),
    quality: { mase: nullableNumber(mase), brier: nullableNumber(brier) },
    reason: toText(reason ?? null) as TrainingReason,
  };
}

function nullableNumber(value: DuckDBValue | undefined): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

const CURSOR_PREFIX = 'm1.';

function encodeCatalogCursor(model: CatalogModel): string {
  const position = JSON.stringify([model.model, model.signal, model.service]);
  return CURSOR_PREFIX + Buffer.from(position, 'utf8').toString('base64url');
}

function decodeCatalogCursor(cursor: string): [string, string, string] {
  if (!cursor.startsWith(CURSOR_PREFIX)) throw new InvalidCursorError();
  try {
    const position: unknown = JSON.parse(
      Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8'),
    );
    if (Array.isArray(position) && position.length === 3 && position.every((p) => typeof p === 'string')) {
      return position as [string, string, string];
    }
  } catch {
    // Not JSON: the same answer as any other cursor this store did not hand out.
  }
  throw new InvalidCursorError();
}
