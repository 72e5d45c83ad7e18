/**
 * Writes the audit trail (DESIGN Decision 10) for every state-changing call, refused and
 * failed ones included. The row is written after the call's outcome is known, so it holds
 * the result and how long the call took.
 */
import type { Logger } from '../log/logger.js';
import type { AuditEntry, AuditStore } from '../store/store.js';

export type AuditEvent = Omit<AuditEntry, 'atMs' | 'durationMs'> & {
  /** When the call started (its clock), so the row carries its duration. */
  startedMs: number;
};

export class Auditor {
  constructor(
    private readonly store: AuditStore,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The auditor's clock, for callers that time a call themselves. */
  now(): number {
    return this.clock();
  }

  /**
   * An audit write that fails is logged and rethrown: a state change that cannot be
   * audited must not look like a success to the caller.
   */
  async record(event: AuditEvent): Promise<void> {
    const { startedMs, ...entry } = event;
    const nowMs = this.clock();
    try {
      await this.store.appendAudit({ ...entry, atMs: startedMs, durationMs: Math.max(0, nowMs - startedMs) });
    } catch (error) {
      this.logger.error(
        { action: entry.action, target: entry.target, actor: entry.actor, err: String(error) },
        'could not write the audit row',
      );
      throw error;
    }
  }

  /**
   * Runs a call and audits how it ended: `run`'s own result word, or the code of the
   * error it threw (`not_found`, `forbidden`, …), which is then rethrown.
   */
  async around<T>(
    event: Omit<AuditEvent, 'startedMs' | 'result'>,
    run: () => Promise<{ result: string; value: T }>,
  ): Promise<T> {
    const startedMs = this.clock();
    let outcome: { result: string; value: T };
    try {
      outcome = await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      await this.record({ ...event, startedMs, result: typeof code === 'string' ? code : 'error' });
      throw error;
    }
    await this.record({ ...event, startedMs, result: outcome.result });
    return outcome.value;
  }
}
