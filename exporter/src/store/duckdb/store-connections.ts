/**
 * The two connections behind a store, each used one task at a time: writes queue on one
 * (so transactions never interleave and a batch resolves only once committed), reads on
 * the other (so a long read does not hold up ingest; DuckDB's MVCC gives them committed
 * data only). Every task is named, so a failure says what was being done.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../../log/logger.js';
import { InvalidCursorError } from '../store.js';
import { IN_MEMORY, type OpenedInstance } from './open-instance.js';
import { SerialQueue } from './serial-queue.js';

export interface StoreConnectionsOptions {
  path: string;
  opened: OpenedInstance;
  writer: DuckDBConnection;
  reader: DuckDBConnection;
  /** Runs on the writer once queued work has drained, before the checkpoint and close. */
  beforeClose: (writer: DuckDBConnection) => Promise<void>;
  logger: Logger | undefined;
}

export class StoreConnections {
  readonly path: string;
  private readonly writes = new SerialQueue();
  private readonly reads = new SerialQueue();
  private closing: Promise<void> | null = null;

  constructor(private readonly options: StoreConnectionsOptions) {
    this.path = options.path;
  }

  write<T>(what: string, task: (writer: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.run(this.writes, this.options.writer, what, task);
  }

  read<T>(what: string, task: (reader: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.run(this.reads, this.options.reader, what, task);
  }

  private run<T>(
    queue: SerialQueue,
    connection: DuckDBConnection,
    what: string,
    task: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    if (!this.isOpen()) return Promise.reject(this.closedError(what));
    return queue
      .run(() => task(connection))
      .catch((cause: unknown) => {
        throw withContext(what, cause);
      });
  }

  isOpen(): boolean {
    return this.closing === null;
  }

  closedError(what: string): Error {
    return new Error(`${what}: store ${this.path} is closed`);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const { writer, reader, opened, logger } = this.options;
    // Work accepted before close() still completes; new work is refused by isOpen().
    await Promise.all([this.writes.drain(), this.reads.drain()]);
    await this.options.beforeClose(writer);
    if (this.path !== IN_MEMORY) {
      // Folds the WAL into the file, so the next open does not have to replay it.
      await writer.run('CHECKPOINT').catch((error: unknown) => {
        logger?.warn({ err: String(error) }, 'store checkpoint on close failed; the WAL keeps the data');
      });
    }
    reader.closeSync();
    writer.closeSync();
    opened.instance.closeSync();
    opened.release();
    logger?.info({ path: this.path }, 'store closed');
  }
}

/**
 * Names the failed operation, except for errors about the caller's input, which keep
 * their type so the API can answer 400 instead of 500.
 */
function withContext(what: string, cause: unknown): Error {
  if (cause instanceof RangeError || cause instanceof InvalidCursorError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${what}: ${reason}`, { cause });
}
