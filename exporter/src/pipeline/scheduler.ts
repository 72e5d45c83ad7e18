/**
 * Runs a cycle every interval. A cycle that is still running when the next is due makes
 * that tick an overrun (counted, skipped) — cycles never stack. `stop()` lets the running
 * cycle finish, so shutdown never leaves a half-written batch.
 */
import type { Logger } from '../log/logger.js';

export interface SchedulerOptions {
  intervalMs: number;
  runCycle: (nowMs: number, abort: AbortSignal) => Promise<void>;
  onOverrun: () => void;
  onCycleDone: (seconds: number, error?: unknown) => void;
  logger: Logger;
  clock?: () => number;
  /** What a run is called in the failure log line (default: cycle). */
  what?: string;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private stopped = false;
  private readonly clock: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? Date.now;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
  }

  /** Runs one cycle now unless one is running; resolves when the cycle (or the running one) ends. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.options.onOverrun();
      return this.running;
    }
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** A cycle someone asked for (the analysis API): joins a running one rather than counting an overrun. */
  async runNow(): Promise<void> {
    return this.running ?? this.tick();
  }

  private async runOnce(): Promise<void> {
    const started = performance.now();
    try {
      await this.options.runCycle(this.clock(), this.abort.signal);
      this.options.onCycleDone((performance.now() - started) / 1000);
    } catch (error) {
      this.options.logger.error({ err: String(error) }, `${this.options.what ?? 'cycle'} failed`);
      this.options.onCycleDone((performance.now() - started) / 1000, error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
