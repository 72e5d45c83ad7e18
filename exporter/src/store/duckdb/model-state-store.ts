/**
 * What online models carry between cycles, as JSON text: one row per (model, signal,
 * service), replaced on every save.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ModelState } from '../store.js';
import { LIST_OF, inTransaction, list, timestampList, toNumber, toText } from './sql-values.js';

export async function saveModelStateBatch(
  connection: DuckDBConnection,
  states: readonly ModelState[],
): Promise<void> {
  if (states.length === 0) return;
  // One statement cannot update the same row twice: the last state for a key wins.
  const unique = [
    ...new Map(states.map((s) => [JSON.stringify([s.model, s.signal, s.service]), s])).values(),
  ];
  // Serialise before touching the database, so an unserialisable state fails the batch
  // with the series named rather than half-way through.
  const texts = unique.map(stateText);
  await inTransaction(connection, async () => {
    await connection.run(
      `INSERT INTO model_state (model, signal, service, state, updated_at)
       SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5)
       ON CONFLICT (model, signal, service) DO UPDATE SET
         state = excluded.state, updated_at = excluded.updated_at`,
      [
        list(unique.map((s) => s.model)),
        list(unique.map((s) => s.signal)),
        list(unique.map((s) => s.service)),
        list(texts),
        timestampList(unique.map((s) => s.updatedAtMs)),
      ],
      [LIST_OF.varchar, LIST_OF.varchar, LIST_OF.varchar, LIST_OF.varchar, LIST_OF.timestamp],
    );
  });
}

function stateText(state: ModelState): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(state.state);
  } catch (cause) {
    throw new Error(`model state of ${state.model} for ${state.signal}/${state.service} is not JSON`, {
      cause,
    });
  }
  // JSON.stringify(undefined) is undefined: store it as null, which loads back as null.
  return text ?? 'null';
}

export async function loadModelStates(connection: DuckDBConnection, model: string): Promise<ModelState[]> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT signal, service, state, epoch_ms(updated_at)::DOUBLE
       FROM model_state
       WHERE model = $1
       ORDER BY signal, service`,
      [model],
    )
  ).getRows();
  return rows.map(([signal, service, state, updatedAt]) => ({
    model,
    signal: toText(signal ?? null),
    service: toText(service ?? null),
    state: JSON.parse(toText(state ?? null)) as unknown,
    updatedAtMs: toNumber(updatedAt ?? null),
  }));
}
