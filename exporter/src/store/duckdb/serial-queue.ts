/**
 * One task at a time, in call order. A DuckDB connection runs one statement at a time and
 * a transaction must not interleave with another caller's statements, so every use of a
 * connection goes through its queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // A failed task must not poison the tasks queued behind it.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async drain(): Promise<void> {
    await this.run(async () => undefined);
  }
}
