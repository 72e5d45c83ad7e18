/**
 * Series ids by (signal, service), cached in memory so a write batch needs no lookup for
 * series it has seen before. Only this process writes the file (DESIGN Decision 7), so
 * the cache, loaded once at open, stays complete.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SeriesKey } from '../store.js';
import { SeriesMap } from '../series-map.js';
import { toNumber, toText } from './sql-values.js';

/** Where insertSeries stages the keys of a batch's new series. */
const STAGED = 'series_keys_staged';

/** NUL cannot appear in a signal or service name worth keeping apart. */
const keyOf = (signal: string, service: string) => `${signal}\u0000${service}`;

export class SeriesIds {
  private readonly ids = new SeriesMap<number>();
  private readonly keys = new Map<number, SeriesKey>();

  /** Call with the connection that will write: insertSeries stages keys in its temp table. */
  static async load(connection: DuckDBConnection): Promise<SeriesIds> {
    await connection.run(`CREATE TEMP TABLE IF NOT EXISTS ${STAGED} (signal VARCHAR, service VARCHAR)`);
    const cache = new SeriesIds();
    const rows = (await connection.runAndReadAll('SELECT id, signal, service FROM series')).getRows();
    for (const [id, signal, service] of rows) {
      cache.add(toNumber(id ?? null), { signal: toText(signal ?? null), service: toText(service ?? null) });
    }
    return cache;
  }

  /** Signal and service by id, for lists built from id-keyed data. */
  get byId(): ReadonlyMap<number, SeriesKey> {
    return this.keys;
  }

  private add(id: number, key: SeriesKey): void {
    this.ids.set(key.signal, key.service, id);
    this.keys.set(id, key);
  }

  get size(): number {
    return this.keys.size;
  }

  get(signal: string, service: string): number | undefined {
    return this.ids.get(signal, service);
  }

  /**
   * The id of each key, in input order, inserting the series not seen yet. Call inside
   * the write transaction, and `commit` only once it has committed: a rolled-back series
   * row must not stay in the cache. This runs per sample: only a miss builds a key text.
   */
  async resolve(
    connection: DuckDBConnection,
    keys: readonly SeriesKey[],
  ): Promise<{ ids: number[]; commit: () => void }> {
    const ids = new Array<number>(keys.length);
    const missing = new Map<string, { key: SeriesKey; at: number[] }>();
    keys.forEach((key, i) => {
      const id = this.get(key.signal, key.service);
      if (id !== undefined) ids[i] = id;
      else {
        const text = keyOf(key.signal, key.service);
        const entry = missing.get(text);
        if (entry) entry.at.push(i);
        else missing.set(text, { key: { signal: key.signal, service: key.service }, at: [i] });
      }
    });
    const added: { id: number; key: SeriesKey }[] = [];
    if (missing.size > 0) {
      for (const [text, id] of await insertSeries(
        connection,
        [...missing.values()].map((m) => m.key),
      )) {
        const entry = missing.get(text);
        if (!entry) continue;
        for (const i of entry.at) ids[i] = id;
        added.push({ id, key: entry.key });
        missing.delete(text);
      }
      const [lost] = missing.values();
      if (lost) throw new Error(`no series id for ${lost.key.signal}/${lost.key.service}`);
    }
    const commit = () => {
      for (const { id, key } of added) this.add(id, key);
    };
    return { ids, commit };
  }
}

/**
 * Inserts the series that are not in the table yet; returns the ids of all of them, by key
 * text. The keys reach DuckDB through the Appender into a temp table: as list parameters
 * each string became a DuckDB value one call at a time, and 10 000 new series (a first
 * scrape of a large target) took half a second.
 */
async function insertSeries(
  connection: DuckDBConnection,
  keys: readonly SeriesKey[],
): Promise<Map<string, number>> {
  await connection.run(`DELETE FROM ${STAGED}`);
  const appender = await connection.createAppender(STAGED, 'main', 'temp');
  for (const key of keys) {
    appender.appendVarchar(key.signal);
    appender.appendVarchar(key.service);
    appender.endRow();
  }
  appender.closeSync();
  // An anti-join rather than ON CONFLICT DO NOTHING: rows inserted on DuckDB's ON CONFLICT
  // path made every later UPDATE of them about 30x slower (140 ms instead of 5 ms for
  // 10 000 series), and series rows are still updated (their bookkeeping, by flushes).
  await connection.run(
    `INSERT INTO series (signal, service)
     SELECT DISTINCT k.signal, k.service FROM ${STAGED} k
     WHERE NOT EXISTS (SELECT 1 FROM series s WHERE s.signal = k.signal AND s.service = k.service)`,
  );
  const rows = (
    await connection.runAndReadAll(
      `SELECT s.id, s.signal, s.service FROM series s JOIN ${STAGED} k USING (signal, service)`,
    )
  ).getRows();
  return new Map(
    rows.map(([id, signal, service]) => [
      keyOf(toText(signal ?? null), toText(service ?? null)),
      toNumber(id ?? null),
    ]),
  );
}
